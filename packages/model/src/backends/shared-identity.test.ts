import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './init-backend.js';

describe('wasm Identity shares data instead of copying it', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('clones without new bytes, and each copy outlives the other', () => {
    const start = tf.memory().numDataBuffers;
    const a = tf.tensor2d([1.5, -2, 3e-39, 4], [2, 2]);
    const b = tf.clone(a);
    expect(b.dataId).toBe(a.dataId);
    expect(tf.memory().numDataBuffers).toBe(start + 1);
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual(Array.from(new Float32Array([1.5, -2, 3e-39, 4])));
    const c = b.clone();
    b.dispose();
    expect(Array.from(c.dataSync())).toEqual(Array.from(new Float32Array([1.5, -2, 3e-39, 4])));
    c.dispose();
    expect(tf.memory().numDataBuffers).toBe(start);
  });

  it('gives gradients through saved (shared) inputs and frees them all afterwards', () => {
    const w = tf.variable(
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    );
    const x = tf.tensor2d([[1, -1]]);
    const before = tf.memory();
    // matMul saves both inputs through Identity; the gradient w.r.t. w reads the saved x.
    const { value, grads } = tf.variableGrads(() => tf.sum<tf.Scalar>(tf.square(tf.matMul(x, w))), [w]);
    expect(value.dataSync()[0]).toBe(8);
    expect(Array.from(grads[w.name]!.dataSync())).toEqual([-4, -4, 4, 4]);
    tf.dispose([value, ...Object.values(grads)]);
    expect([tf.memory().numTensors, tf.memory().numDataBuffers]).toEqual([before.numTensors, before.numDataBuffers]);
    tf.dispose([w, x]);
  });

  it('still copies strings through the original kernel', () => {
    const s = tf.tensor1d(['a', 'b'], 'string');
    const t = tf.clone(s);
    s.dispose();
    expect(t.dataSync()).toEqual(['a', 'b']);
    t.dispose();
  });
});
