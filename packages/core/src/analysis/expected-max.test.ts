import { describe, expect, it } from 'vitest';
import { createRandom, mixSeed } from '../random.js';
import { expectedBestCurve, expectedBestSorted } from './expected-max.js';

const values = [0.61, 0.83, 0.7, 0.9, 0.55, 0.83, 0.78];
const sorted = Float64Array.from(values).sort();

describe('expectedBestSorted (Dodge et al. 2019)', () => {
  it('matches a brute-force Monte Carlo of the best of n draws with replacement', () => {
    const random = createRandom(mixSeed(7, 1));
    const draws = 40_000;
    for (const n of [1, 2, 3, 5, 10]) {
      for (const direction of ['maximize', 'minimize'] as const) {
        let sum = 0;
        let sumSq = 0;
        for (let d = 0; d < draws; d++) {
          let best = direction === 'maximize' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
          for (let i = 0; i < n; i++) {
            const v = values[Math.floor(random() * values.length)] as number;
            best = direction === 'maximize' ? Math.max(best, v) : Math.min(best, v);
          }
          sum += best;
          sumSq += best * best;
        }
        const mean = sum / draws;
        const se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        // Within 4 standard errors (plus a hair for n = 1's exact mean).
        expect(Math.abs(expectedBestSorted(sorted, n, direction) - mean)).toBeLessThan(4 * se + 1e-9);
      }
    }
  });

  it('starts at the mean, rises to the best value, and mirrors for minimize', () => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(expectedBestSorted(sorted, 1, 'maximize')).toBeCloseTo(mean, 12);
    expect(expectedBestSorted(sorted, 1, 'minimize')).toBeCloseTo(mean, 12);
    expect(expectedBestSorted(sorted, 500, 'maximize')).toBeCloseTo(0.9, 6);
    expect(expectedBestSorted(sorted, 500, 'minimize')).toBeCloseTo(0.55, 6);
    const negated = Float64Array.from(values, (v) => -v).sort();
    for (const n of [1, 3, 7]) expect(expectedBestSorted(sorted, n, 'minimize')).toBeCloseTo(-expectedBestSorted(negated, n, 'maximize'), 12);
    // Two values: E[max of 2] = a·(1/4) + b·(3/4).
    expect(expectedBestSorted(Float64Array.from([0, 1]), 2, 'maximize')).toBeCloseTo(0.75, 12);
  });
});

describe('expectedBestCurve', () => {
  it('gives the curve for n = 1…N with a seeded band that brackets it within the data range', () => {
    const curve = expectedBestCurve(values, { direction: 'maximize', seed: 3 });
    expect(curve).toEqual(expectedBestCurve(values, { direction: 'maximize', seed: 3 }));
    expect(curve.expected).toHaveLength(values.length);
    curve.expected.forEach((e, i) => {
      if (i > 0) expect(e).toBeGreaterThanOrEqual(curve.expected[i - 1] as number);
      expect(curve.low[i]).toBeLessThanOrEqual(e);
      expect(curve.high[i]).toBeGreaterThanOrEqual(e);
      expect(curve.low[i]).toBeGreaterThanOrEqual(0.55);
      expect(curve.high[i]).toBeLessThanOrEqual(0.9);
    });
    expect(expectedBestCurve(values, { direction: 'minimize', seed: 3, upTo: 3 }).expected[2]).toBeLessThan(curve.expected[0] as number);
  });

  it('is flat and NaN-free for a constant group', () => {
    expect(expectedBestCurve([2, 2, 2], { direction: 'maximize', seed: 1 })).toEqual({ expected: [2, 2, 2], low: [2, 2, 2], high: [2, 2, 2] });
  });

  it('refuses bad input with exact messages', () => {
    expect(() => expectedBestCurve([], { direction: 'maximize', seed: 1 })).toThrow(new RangeError('values must not be empty'));
    expect(() => expectedBestCurve([1, Number.NaN], { direction: 'maximize', seed: 1 })).toThrow(new RangeError('values[1] must be a finite number, got NaN'));
    expect(() => expectedBestCurve([1], { direction: 'maximize', seed: 1, upTo: 0 })).toThrow(new RangeError('upTo must be an integer >= 1, got 0'));
    expect(() => expectedBestCurve([1], { direction: 'maximize', seed: 1, confidence: 2 })).toThrow(
      new RangeError('confidence must be a number in (0, 1), got 2'),
    );
  });
});
