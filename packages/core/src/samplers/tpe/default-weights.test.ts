import { describe, expect, it } from 'vitest';
import { defaultWeights } from './default-weights.js';

describe('defaultWeights', () => {
  it('weighs up to 25 observations equally', () => {
    expect(Array.from(defaultWeights(0))).toEqual([]);
    expect(Array.from(defaultWeights(3))).toEqual([1, 1, 1]);
    expect(Array.from(defaultWeights(25))).toEqual(Array(25).fill(1));
  });

  it('gives the oldest of 26 weight 1/26 and the newest 25 weight 1', () => {
    const weights = Array.from(defaultWeights(26));
    expect(weights[0]).toBeCloseTo(1 / 26, 15);
    expect(weights.slice(1)).toEqual(Array(25).fill(1));
  });

  it('ramps the oldest n − 25 linearly from 1/n to 1 (numpy linspace)', () => {
    const weights = defaultWeights(30);
    // linspace(1/30, 1, 5): steps of (1 − 1/30)/4.
    const step = (1 - 1 / 30) / 4;
    expect(Array.from(weights.subarray(0, 5)).map((w) => Number(w.toFixed(12)))).toEqual([0, 1, 2, 3, 4].map((i) => Number((1 / 30 + i * step).toFixed(12))));
    expect(Array.from(weights.subarray(5))).toEqual(Array(25).fill(1));
  });
});
