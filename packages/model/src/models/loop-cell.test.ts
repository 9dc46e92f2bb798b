import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { LoopCell } from './loop-cell.js';

const relu = (v: number) => Math.max(0, v);

describe('LoopCell', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('computes h = relu(tanh(W2·relu(tanh(W1·[x; h] + b1)) + b2)) per step', () => {
    const cell = new LoopCell({ units: 2 });
    cell.build([null, 1]);
    const [k1, b1, k2, b2] = cell.weights;
    // W1: rows x, h1, h2 → 2 units
    const w1 = [
      [0.5, -1],
      [1, 0.25],
      [-0.5, 2],
    ];
    const w2 = [
      [1, -0.5],
      [0.75, 1],
    ];
    k1!.write(tf.tensor2d(w1));
    b1!.write(tf.tensor1d([0.1, -0.2]));
    k2!.write(tf.tensor2d(w2));
    b2!.write(tf.tensor1d([0, 0.3]));
    const x = 0.8;
    const h = [0.2, 0.6];
    const joined = [x, ...h];
    const first = [0, 1].map((j) => relu(Math.tanh(joined.reduce((s, v, i) => s + v * w1[i]![j]!, 0) + [0.1, -0.2][j]!)));
    const expected = [0, 1].map((j) => relu(Math.tanh(first.reduce((s, v, i) => s + v * w2[i]![j]!, 0) + [0, 0.3][j]!)));
    const [out, state] = cell.call([tf.tensor2d([[x]]), tf.tensor2d([h])], {});
    Array.from(out!.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 5));
    expect(Array.from(state!.dataSync())).toEqual(Array.from(out!.dataSync()));
  });

  it('applies dropout only in training', () => {
    const cell = new LoopCell({ units: 64, dropout: 0.5 });
    cell.build([null, 4]);
    cell.weights.forEach((w) => w.write(tf.onesLike(w.read())));
    const inputs = [tf.ones([8, 4]), tf.ones([8, 64])];
    const inference = cell.call(inputs, { training: false })[0]!.dataSync();
    const training = cell.call(inputs, { training: true })[0]!.dataSync();
    expect(Array.from(inference).every((v) => v > 0)).toBe(true);
    const zeros = Array.from(training).filter((v) => v === 0).length;
    expect(zeros / training.length).toBeGreaterThan(0.3);
    expect(zeros / training.length).toBeLessThan(0.7);
  });

  it('serializes its config', () => {
    expect(new LoopCell({ units: 3, dropout: 0.1 }).getConfig()).toMatchObject({ units: 3, dropout: 0.1 });
  });
});
