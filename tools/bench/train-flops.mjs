// Useful FLOPs of one training step of bench:train's model, Embedding(V, E) → cell(H) → Dense(C),
// at batch B and sequence length T: the matrix products only, as a GEMM counts them (2 FLOPs per
// multiply-add). G = gate blocks (simple 1, lstm 4, gru 3, loop 1).
//
//   forward  = 2·T·B·E·G·H        input projection x·W, all steps at once
//            + 2·(T−1)·B·H·G·H    recurrence h_{t−1}·U (h_0 = 0, so step 1 has no product)
//            + 2·T·B·H·H          loop cell only: its second layer a_t·W2
//            + 2·B·H·C            dense head on the last state
//   backward = 2 × forward        each product's input gradient and weight gradient
//   step     = 3 × forward
//
// Left out: the embedding gather and its scatter-add gradient, gate nonlinearities and other
// elementwise work, the loss, and the optimizer: none is a product, and all of it is O(T·B·G·H) or
// O(parameters) against the products' O(T·B·H·G·H).

const GATES = { simple: 1, lstm: 4, gru: 3, loop: 1 };

/** { forward, step } FLOPs, and the forward products one by one. */
export function trainingStepFlops({ cell, seq: T, batch: B, embedding: E, units: H, classes: C = 2 }) {
  const G = GATES[cell];
  if (G === undefined) throw new Error(`trainingStepFlops: unknown cell '${cell}'; use one of: ${Object.keys(GATES).join(', ')}`);
  const parts = {
    inputProjection: 2 * T * B * E * G * H,
    recurrence: 2 * (T - 1) * B * H * G * H,
    loopSecondLayer: cell === 'loop' ? 2 * T * B * H * H : 0,
    dense: 2 * B * H * C,
  };
  const forward = Object.values(parts).reduce((a, b) => a + b, 0);
  return { forward, step: 3 * forward, parts };
}
