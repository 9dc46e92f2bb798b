/**
 * The fast layers' input projection x·W + b, forward and backward, on the kernel's own GEMM
 * (native/sgemm.h) instead of tfjs's matMul.
 *
 * Why: on `wasm` tfjs's matMul (XNNPACK) ran these shapes ([T·B, E]·[E, G·H] and its two
 * gradients) at 25–40 GFLOP/s, the kernel's block code at 48–55 (bench:kernel's sgemm table), and
 * the three products are half of a training step's useful FLOPs. On `cpu` tfjs's matMul is plain
 * JavaScript, several times slower still.
 *
 * The bias rides in the product: x is placed with a column of ones, [x | 1], and W with b as one
 * more row, [W; b], so the forward is one product, and the weight gradient [x | 1]ᵀ·dY gives dW and
 * db together (db = the column sums of dY) at the cost of one more row.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RnnKernel } from './rnn-kernel.js';
import { floats, tensorOf } from './tensor-views.js';

const WHAT = 'input projection';

/** [N, E] · [E, G] + [G] → [N, G], differentiable w.r.t. all three, on the kernel's GEMM. */
export function kernelProjection(kernel: RnnKernel, x: tf.Tensor2D, weights: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const [n, e] = x.shape;
  const g = weights.shape[1];
  const project = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([input, w]);
    const forward = kernel.placeSgemm({ m: n, n: g, k: e + 1 });
    placeWithOnes(forward.a, floats(input, 'x', WHAT), n, e);
    forward.b.set(floats(w, 'kernel', WHAT));
    forward.b.set(floats(b, 'bias', WHAT), e * g);
    forward.run();
    return {
      value: tensorOf<tf.Rank.R2>(forward.c, [n, g]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedInput, savedWeights] = saved as [tf.Tensor2D, tf.Tensor2D];
        // [dW; db] = [x | 1]ᵀ · dY
        const weightGrad = kernel.placeSgemm({ m: e + 1, n: g, k: n, transposeA: true });
        placeWithOnes(weightGrad.a, floats(savedInput, 'x', WHAT), n, e);
        weightGrad.b.set(floats(dy, 'the output gradient', WHAT));
        weightGrad.run();
        const dW = tensorOf<tf.Rank.R2>(weightGrad.c.subarray(0, e * g), [e, g]);
        const db = tensorOf<tf.Rank.R1>(weightGrad.c.subarray(e * g), [g]);
        // dX = dY · Wᵀ (W read transposed: no copy of it is made)
        const inputGrad = kernel.placeSgemm({ m: n, n: e, k: g, transposeB: true });
        inputGrad.a.set(floats(dy, 'the output gradient', WHAT));
        inputGrad.b.set(floats(savedWeights, 'kernel', WHAT));
        inputGrad.run();
        return [tensorOf<tf.Rank.R2>(inputGrad.c, [n, e]), dW, db];
      },
    };
  });
  return project(x, weights, bias);
}

/** Writes x [rows, cols] into `into` as [rows, cols + 1] with a last column of ones. */
function placeWithOnes(into: Float32Array, x: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    into.set(x.subarray(r * cols, (r + 1) * cols), r * (cols + 1));
    into[r * (cols + 1) + cols] = 1;
  }
}
