import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { clipGradients, globalNorm, validateClipConfig } from './clipping.js';
import type { ClipConfig } from './strategy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Per-tensor norms 5 and 12; together √(9 + 16 + 144) = 13.
let grads: tf.NamedTensorMap;
beforeEach(() => {
  grads = { a: tf.tensor1d([3, 4]), b: tf.tensor2d([[12]]) };
});
afterEach(() => {
  tf.dispose(Object.values(grads));
});

function flat(map: tf.NamedTensorMap): number[] {
  return Object.keys(map)
    .sort()
    .flatMap((k) => Array.from(map[k]?.dataSync() ?? []));
}
function num(t: tf.Tensor): number {
  return t.dataSync()[0] ?? NaN;
}
function disposeResult(r: { grads: tf.NamedTensorMap; preClipNorm: tf.Scalar }): void {
  tf.dispose([...Object.values(r.grads), r.preClipNorm]);
}

describe('globalNorm', () => {
  it('is the norm over all tensors together, not per tensor', () => {
    const n = globalNorm(grads);
    expect(num(n)).toBeCloseTo(13, 5);
    expect(n.rank).toBe(0);
    n.dispose();
  });

  it('is 0 for no gradients', () => {
    const n = globalNorm({});
    expect(num(n)).toBe(0);
    n.dispose();
  });

  it('leaves only its result behind', () => {
    const before = tf.memory().numTensors;
    const n = globalNorm(grads);
    expect(tf.memory().numTensors).toBe(before + 1);
    n.dispose();
  });
});

describe('clipGradients global_norm', () => {
  it('scales all tensors by one factor to exactly maxNorm, keeping the direction', () => {
    const r = clipGradients(grads, { type: 'global_norm', maxNorm: 6.5 });
    expect(num(r.preClipNorm)).toBeCloseTo(13, 5);
    const clipped = flat(r.grads);
    expectArrayClose(clipped, [1.5, 2, 6]);
    const original = flat(grads);
    const dot = clipped.reduce((s, c, i) => s + c * (original[i] ?? NaN), 0);
    const norm = (v: number[]): number => Math.hypot(...v);
    expect(norm(clipped)).toBeLessThanOrEqual(6.5 + 1e-5);
    expect(dot / (norm(clipped) * norm(original))).toBeCloseTo(1, 6);
    disposeResult(r);
  });

  it('brings many random tensors within the limit', () => {
    const big: tf.NamedTensorMap = {
      k: tf.randomNormal([20, 30], 0, 5, 'float32', 1),
      r: tf.randomNormal([30, 30], 0, 5, 'float32', 2),
      b: tf.randomNormal([30], 0, 5, 'float32', 3),
    };
    const r = clipGradients(big, { type: 'global_norm', maxNorm: 1 });
    expect(num(r.preClipNorm)).toBeGreaterThan(100);
    const after = globalNorm(r.grads);
    expect(num(after)).toBeLessThanOrEqual(1 + 1e-5);
    expect(num(after)).toBeGreaterThan(1 - 1e-5);
    tf.dispose([after, ...Object.values(big)]);
    disposeResult(r);
  });

  it('leaves gradients below or at the limit unchanged', () => {
    for (const maxNorm of [20, 13]) {
      const r = clipGradients(grads, { type: 'global_norm', maxNorm });
      expectArrayClose(flat(r.grads), [3, 4, 12], 1e-6);
      expect(num(r.preClipNorm)).toBeCloseTo(13, 5);
      disposeResult(r);
    }
  });
});

describe('clipGradients value and none', () => {
  it('value clamps every element to [−value, value]', () => {
    const g = { x: tf.tensor1d([3, 4, -5, -1]) };
    const r = clipGradients(g, { type: 'value', value: 3.5 });
    expect(flat(r.grads)).toEqual([3, 3.5, -3.5, -1]);
    expect(num(r.preClipNorm)).toBeCloseTo(Math.sqrt(51), 5);
    tf.dispose(Object.values(g));
    disposeResult(r);
  });

  it('none returns equal copies the caller owns, and the norm', () => {
    const r = clipGradients(grads, { type: 'none' });
    expect(flat(r.grads)).toEqual([3, 4, 12]);
    expect(r.grads.a).not.toBe(grads.a);
    expect(num(r.preClipNorm)).toBeCloseTo(13, 5);
    disposeResult(r);
    expect(flat(grads)).toEqual([3, 4, 12]); // the input survives disposing the result
  });

  it.each<ClipConfig>([{ type: 'none' }, { type: 'value', value: 1 }, { type: 'global_norm', maxNorm: 1 }])(
    '%o creates only the returned tensors',
    (config) => {
      const before = tf.memory().numTensors;
      const r = clipGradients(grads, config);
      expect(tf.memory().numTensors).toBe(before + 3); // a, b, preClipNorm
      disposeResult(r);
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});

describe('validation', () => {
  it.each<[ClipConfig, string]>([
    [{ type: 'value', value: 0 }, 'clip.value must be a positive finite number, got 0'],
    [{ type: 'value', value: -1 }, 'clip.value must be a positive finite number, got -1'],
    [{ type: 'global_norm', maxNorm: 0 }, 'clip.maxNorm must be a positive finite number, got 0'],
    [{ type: 'global_norm', maxNorm: NaN }, 'clip.maxNorm must be a positive finite number, got NaN'],
    [{ type: 'global_norm', maxNorm: Infinity }, 'clip.maxNorm must be a positive finite number, got Infinity'],
    [{ type: 'norm' } as unknown as ClipConfig, 'clip.type must be one of none, value, global_norm, got "norm"'],
  ])('%o → %s', (config, message) => {
    expect(() => validateClipConfig(config)).toThrow(message);
    let caught: unknown;
    try {
      clipGradients(grads, config);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toBe(message);
  });
});

function expectArrayClose(actual: number[], expected: number[], tolerance = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - (expected[i] ?? NaN))).toBeLessThanOrEqual(tolerance));
}
