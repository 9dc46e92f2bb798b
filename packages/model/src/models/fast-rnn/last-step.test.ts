import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../backends/init-backend.js';
import { createRandom } from '../../random.js';
import { lastStep } from './last-step.js';

/** What lastStep replaces: a slice of the last step, differentiated by tfjs. */
const sliceLastStep = (x: tf.Tensor3D) => tf.reshape<tf.Rank.R2>(tf.slice(x, [x.shape[0] - 1, 0, 0], [1, -1, -1]), [x.shape[1], x.shape[2]]);

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`lastStep on the ${backend} backend`, () => {
    beforeAll(async () => {
      await initBackend(backend);
    });

    for (const steps of [1, 7]) {
      it(`gives tf.slice's value and gradient bit for bit (T = ${steps})`, () => {
        const random = createRandom(steps);
        const x = tf.tensor3d(
          Float32Array.from({ length: steps * 3 * 5 }, () => random() * 2 - 1),
          [steps, 3, 5],
        );
        const probe = tf.tensor2d(
          Float32Array.from({ length: 15 }, () => random() * 2 - 1),
          [3, 5],
        );
        const results = (take: (x: tf.Tensor3D) => tf.Tensor2D) =>
          tf.tidy(() => {
            const { value, grad } = tf.valueAndGrad((input: tf.Tensor) => tf.sum(tf.mul(take(input as tf.Tensor3D), probe)))(x);
            return [take(x), value, grad].map((t) => Array.from(t.dataSync()));
          });
        const got = results(lastStep);
        expect(got[0]).toHaveLength(15);
        expect(got[2]!.slice(0, (steps - 1) * 15).every((g) => g === 0)).toBe(true);
        expect(got).toEqual(results(sliceLastStep));
      });
    }
  });
}
