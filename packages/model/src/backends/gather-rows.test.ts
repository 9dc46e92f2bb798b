import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './init-backend.js';

async function on(backend: 'cpu' | 'wasm', fn: () => tf.Tensor): Promise<number[]> {
  await initBackend(backend);
  const t = tf.tidy(fn);
  const values = Array.from(await t.data());
  t.dispose();
  return values;
}

describe('wasm GatherV2 by rows', () => {
  afterAll(async () => {
    await initBackend('wasm');
  });

  const table = () =>
    tf.tensor3d(
      Float32Array.from({ length: 5 * 2 * 3 }, (_, i) => i * 0.5 - 3),
      [5, 2, 3],
    );

  it('gathers rows of an embedding table as cpu does, for any shape of ids', async () => {
    const rows = () =>
      tf.gather(
        table(),
        tf.tensor2d(
          [
            [4, 0, 4],
            [1, 3, 2],
          ],
          [2, 3],
          'int32',
        ),
      );
    expect(await on('wasm', rows)).toEqual(await on('cpu', rows));
    await initBackend('wasm');
    expect(tf.tidy(() => rows().shape)).toEqual([2, 3, 2, 3]);
  });

  it('leaves the other cases to the original kernel', async () => {
    const columns = () => tf.gather(table(), tf.tensor1d([2, 0], 'int32'), 2);
    const batched = () =>
      tf.gather(
        tf.reshape(tf.range(0, 12), [2, 6]),
        tf.tensor2d(
          [
            [5, 0],
            [1, 1],
          ],
          [2, 2],
          'int32',
        ),
        1,
        1,
      );
    const ints = () =>
      tf.gather(
        tf.tensor2d(
          [
            [1, 2],
            [3, 4],
          ],
          [2, 2],
          'int32',
        ),
        tf.tensor1d([1, 1, 0], 'int32'),
      );
    for (const f of [columns, batched, ints]) expect(await on('wasm', f)).toEqual(await on('cpu', f));
  });

  it('refuses ids outside the table as the original kernel does', async () => {
    await initBackend('wasm');
    const before = tf.memory().numTensors;
    expect(() => tf.tidy(() => tf.gather(table(), tf.tensor1d([0, 5], 'int32')))).toThrow('GatherV2: the index value 5 is not in [0, 4]');
    expect(() => tf.tidy(() => tf.gather(table(), tf.tensor1d([-1], 'int32')))).toThrow('GatherV2: the index value -1 is not in [0, 4]');
    expect(tf.memory().numTensors).toBe(before);
  });
});
