import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { createRandom } from '../random.js';
import { kernelProjection } from './kernel-projection.js';
import { loadRnnKernel } from './load-rnn-kernel.js';

const kernel = loadRnnKernel();

function randomTensor<R extends tf.Rank>(shape: number[], seed: number): tf.Tensor<R> {
  const random = createRandom(seed);
  const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random() * 2 - 1);
  return tf.tensor<R>(values, shape as tf.ShapeMap[R]);
}

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
const maxAbs = (a: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]!);

// Odd sizes reach the GEMM's row and column tails; 96×5·5×40 is a small layer's, 320×64·64×256 an LSTM(64)'s.
const SHAPES = [
  { n: 7, e: 3, g: 5 },
  { n: 96, e: 5, g: 40 },
  { n: 320, e: 64, g: 256 },
];

describe.each(['wasm', 'cpu'] as const)('kernelProjection on %s against tfjs matMul + add', (backend) => {
  for (const { n, e, g } of SHAPES) {
    it(`[${n}, ${e}]·[${e}, ${g}] + [${g}]: value and the gradients of x, W and b`, async () => {
      await initBackend(backend);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const x = randomTensor<tf.Rank.R2>([n, e], 1);
        const w = randomTensor<tf.Rank.R2>([e, g], 2);
        const b = randomTensor<tf.Rank.R1>([g], 3);
        const dy = randomTensor<tf.Rank.R2>([n, g], 4);
        const reference = (xs: tf.Tensor2D, ws: tf.Tensor2D, bs: tf.Tensor1D) => tf.add(tf.matMul(xs, ws), bs);
        const fused = (xs: tf.Tensor2D, ws: tf.Tensor2D, bs: tf.Tensor1D) => kernelProjection(kernel, xs, ws, bs);
        // float32 sums of e products of values in (−1, 1), plus the bias
        expect(maxAbsDiff(fused(x, w, b), reference(x, w, b))).toBeLessThanOrEqual(1e-5 * e);
        const got = tf.grads(fused as (...args: tf.Tensor[]) => tf.Tensor)([x, w, b], dy);
        const want = tf.grads(reference as (...args: tf.Tensor[]) => tf.Tensor)([x, w, b], dy);
        ['x', 'W', 'b'].forEach((name, i) => {
          expect(got[i]!.shape, name).toEqual(want[i]!.shape);
          expect(maxAbs(want[i]!), `${name}: all zeros would prove nothing`).toBeGreaterThan(0);
          expect(maxAbsDiff(got[i]!, want[i]!) / maxAbs(want[i]!), name).toBeLessThanOrEqual(1e-5);
        });
      });
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
