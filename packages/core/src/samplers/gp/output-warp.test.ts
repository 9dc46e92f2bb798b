import { describe, expect, it } from 'vitest';
import { boxCoxExponent, warpValues } from './output-warp.js';

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
}

describe('warpValues', () => {
  it('keeps the order of the values, with unit spread and the 10th percentile at 0', () => {
    const raw = [3, -7, 0.5, 12, -1, 4, 4, -30, 2, 8, 1];
    const warped = warpValues(raw);
    for (let i = 0; i < raw.length; i++) {
      for (let j = 0; j < raw.length; j++) if ((raw[i] as number) < (raw[j] as number)) expect(warped[i]).toBeLessThan(warped[j] as number);
    }
    expect(sd(warped)).toBeCloseTo(1, 12);
    const sorted = [...warped].sort((a, b) => a - b);
    expect(sorted[Math.floor(raw.length * 0.1)]).toBe(0);
    expect(warped[6]).toBe(warped[5]);
  });

  it('compresses a long tail of bad values (a log warp) and leaves symmetric values nearly affine', () => {
    // Larger is better: most values near the best, a few far below (a Rosenbrock-like history).
    const tailed = [0, -0.1, -0.3, -0.5, -1, -2, -5, -20, -100, -1000];
    expect(boxCoxExponent(tailed.map((v) => -v / 300 + 1))).toBeLessThan(0.3);
    const warped = warpValues(tailed);
    // After the warp the worst value is a few standard deviations out, not nine.
    expect(Math.min(...warped)).toBeGreaterThan(mean(warped) - 3 * sd(warped));
    const symmetric = Array.from({ length: 21 }, (_, k) => k - 10);
    const affine = warpValues(symmetric);
    const steps = affine.slice(1).map((v, k) => v - (affine[k] as number));
    expect(Math.max(...steps) / Math.min(...steps)).toBeLessThan(2);
  });

  it('gives zeros for equal values and an empty list for none', () => {
    expect(warpValues([2, 2, 2])).toEqual([0, 0, 0]);
    expect(warpValues([])).toEqual([]);
    expect(warpValues([5])).toEqual([0]);
  });
});
