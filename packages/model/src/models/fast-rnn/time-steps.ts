/**
 * Helpers the ops recurrences share: per-timestep views of time-major tensors, state shifts and
 * the subnormal flush.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Splits a time-major [T, …] tensor into T tensors of shape […].
 *
 * Why not `tf.unstack` everywhere: tfjs 4.22's `wasm` Slice reads the whole input buffer for every
 * slice (a full copy), so unstacking [200, 32, 256] costs 200 copies of 6.5 MB (~1 ms each here).
 * On `wasm` one read plus T small uploads is ~50× cheaper. `cpu` slices are views already, and
 * `webgpu` cannot read synchronously, so they keep `tf.unstack`.
 */
export function timeSteps(x: tf.Tensor): tf.Tensor[] {
  if (tf.getBackend() !== 'wasm') return tf.unstack(x);
  const [steps, ...rest] = x.shape as number[];
  const size = rest.reduce((a, b) => a * b, 1);
  const data = x.dataSync();
  return Array.from({ length: steps ?? 0 }, (_, t) => tf.tensor(data.subarray(t * size, (t + 1) * size), rest, x.dtype));
}

/** States h_0..h_{T−1} from outputs h_1..h_T: zeros first, the last dropped. [T, B, H] → [T, B, H]. */
export function previousStates(states: tf.Tensor3D): tf.Tensor3D {
  const [steps, batch, units] = states.shape;
  if (steps === 1) return tf.zerosLike(states);
  return tf.concat([tf.zeros([1, batch, units]), tf.slice(states, [0, 0, 0], [steps - 1, batch, units])], 0);
}

/**
 * Gradients through time shrink geometrically; at seq 200 a sixth of them fell below 2^−126 in an
 * unflushed run, and WebAssembly cannot set flush-to-zero, so every op on them ran many times
 * slower. Adding then subtracting 2^−80 rounds any |x| < 2^−104 to 0 (and moves other values by at
 * most 2^−104 ≈ 5e−32 absolute), far below float32 tolerance of gradients of order 1e−6…1.
 * Folded into an add the recurrence does anyway, the flush costs one op per step.
 */
export const FLUSH_OFFSET = 2 ** -80;

/** [T, B] float mask → [T, B, units] booleans, for `tf.where` per step. */
export function expandMask(mask: tf.Tensor, units: number): tf.Tensor3D {
  const [steps, batch] = mask.shape as [number, number];
  // A broadcasting multiply, not tf.broadcastTo: wasm's Tile took 10 ms for [100, 32, 64] here.
  return tf.greater<tf.Tensor3D>(tf.mul(tf.reshape(mask, [steps, batch, 1]), tf.ones([1, 1, units])), 0);
}

/** [T, B] float mask → [T, B, 1] floats, for multiplying coefficients in bulk. */
export function maskColumn(mask: tf.Tensor): tf.Tensor3D {
  return tf.expandDims<tf.Tensor3D>(mask, 2);
}

/** Σ_t a_tᵀ·b_t for time-major a [T, B, K] and b [T, B, N]: one untransposed matMul. */
export function sumOuterOverTime(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor2D {
  const [steps, batch, k] = a.shape;
  const n = b.shape[2];
  // Transposed explicitly: wasm's matMul is fast only with untransposed operands.
  return tf.matMul(tf.transpose(tf.reshape(a, [steps * batch, k])), tf.reshape(b, [steps * batch, n]));
}
