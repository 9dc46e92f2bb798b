import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './init-backend.js';
import { BackendError } from '../errors.js';
import { startWebGpu } from './webgpu.js';

/** Runs fn on `backend` and returns its result as nested arrays. */
async function on<T>(backend: 'cpu' | 'wasm', fn: () => tf.Tensor): Promise<T> {
  await initBackend(backend);
  return tf.tidy(fn).array() as Promise<T>;
}

describe('initBackend', () => {
  afterAll(async () => {
    await initBackend('wasm');
  });

  it('starts wasm with SIMD from node_modules and reports the device', async () => {
    const info = await initBackend('wasm');
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.device).toContain('SIMD');
  });

  it('starts cpu', async () => {
    const info = await initBackend('cpu');
    expect(info).toMatchObject({ backend: 'cpu', requested: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('auto picks the fastest backend that loads, never a software WebGPU adapter', async () => {
    const info = await initBackend('auto');
    expect(info.requested).toBe('auto');
    expect(['tensorflow', 'webgpu', 'wasm']).toContain(info.backend);
    if (info.backend === 'webgpu') expect(info.device).not.toContain('(software)');
  });

  it('explains how to get the optional native backends', async () => {
    await expect(initBackend('tfjs-node')).rejects.toThrow(/npm install @tensorflow\/tfjs-node/);
    await expect(initBackend('tfjs-node-gpu')).rejects.toBeInstanceOf(BackendError);
  });

  it('refuses an unknown backend with the list of known ones', async () => {
    await expect(initBackend('tpu' as never)).rejects.toThrow(/unknown backend 'tpu'; use one of: auto, wasm, cpu/);
  });
});

describe('kernels added to wasm and cpu', () => {
  // Embedding gradient: gather's gradient is UnsortedSegmentSum, which wasm lacks in tfjs 4.22.
  const embeddingGradient = () => {
    const table = tf.variable(
      tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ]),
    );
    const ids = tf.tensor1d([3, 0, 3, 1, 3], 'int32');
    const weights = tf.tensor2d([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(tf.gather(table, ids), weights)), [table]);
    const grad = grads[table.name] as tf.Tensor;
    table.dispose();
    return grad;
  };

  it('computes the embedding gradient on wasm and cpu alike', async () => {
    const expected = [
      [2, 2],
      [4, 4],
      [0, 0],
      [9, 9],
    ];
    expect(await on('wasm', embeddingGradient)).toEqual(expected);
    expect(await on('cpu', embeddingGradient)).toEqual(expected);
  });

  it('drops segment ids outside [0, numSegments) as TensorFlow does', async () => {
    const result = await on<number[][]>('wasm', () =>
      tf.unsortedSegmentSum(
        tf.tensor2d([
          [1, 1],
          [2, 2],
          [4, 4],
        ]),
        tf.tensor1d([0, 5, 0], 'int32'),
        2,
      ),
    );
    expect(result).toEqual([
      [5, 5],
      [0, 0],
    ]);
  });

  it('keeps matMul results with transposed operands', async () => {
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const b = [
      [7, 8],
      [9, 10],
      [11, 12],
    ];
    for (const [ta, tb] of [
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const run = () => tf.matMul(ta ? tf.transpose(tf.tensor2d(a)) : tf.tensor2d(a), tb ? tf.transpose(tf.tensor2d(b)) : tf.tensor2d(b), ta, tb);
      expect(await on('wasm', run)).toEqual(await on('cpu', run));
    }
    const batched = () => tf.matMul(tf.ones([3, 4, 2]), tf.reshape(tf.range(0, 24), [3, 4, 2]), true, false);
    expect(await on('wasm', batched)).toEqual(await on('cpu', batched));
  });
});

describe('webgpu', () => {
  it('trains through Dawn where a Vulkan driver is present, and says why not elsewhere', async (context) => {
    let device: string;
    try {
      device = await startWebGpu({ refuseSoftware: false });
    } catch (error) {
      expect(error).toBeInstanceOf(BackendError);
      expect((error as Error).message).toMatch(/Vulkan|webgpu/);
      context.skip(`webgpu unavailable here: ${(error as Error).message}`);
      return;
    }
    expect(device).toMatch(/^WebGPU on /);
    // tfjs 4.22's webgpu Cast only relabels int32/bool as float32; ours converts (webgpu-cast.ts).
    const mask = tf.tensor1d([true, false, true], 'bool');
    const asFloat = tf.add(tf.cast(mask, 'float32'), 0.5);
    expect(Array.from(await asFloat.data())).toEqual([1.5, 0.5, 1.5]);
    const ints = tf.transpose(
      tf.cast(
        tf.tensor2d(
          [
            [1, 2],
            [3, 4],
          ],
          [2, 2],
          'int32',
        ),
        'float32',
      ),
    );
    expect(await ints.array()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    tf.dispose([mask, asFloat, ints]);
    const w = tf.variable(tf.scalar(0));
    const optimizer = tf.train.sgd(0.1);
    for (let i = 0; i < 20; i++) optimizer.minimize(() => tf.square(tf.sub(w, 3)) as tf.Scalar);
    expect((await w.data())[0]).toBeCloseTo(3 * (1 - 0.8 ** 20), 4);
    w.dispose();
    optimizer.dispose();
  });
});
