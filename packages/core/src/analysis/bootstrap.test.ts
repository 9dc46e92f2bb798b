import { describe, expect, it } from 'vitest';
import { createRandom, mixSeed, normal } from '../random.js';
import { SortedResampler, bootstrapCi, bootstrapDistribution, percentileInterval, resampleSortedInto } from './bootstrap.js';
import { iqmOf, meanOf } from './estimators.js';

describe('bootstrapCi', () => {
  it('is deterministic for a seed and brackets the estimate', () => {
    const values = [0.81, 0.84, 0.8, 0.86, 0.83, 0.79];
    const a = bootstrapCi(values, { statistic: meanOf, seed: 5 });
    expect(bootstrapCi(values, { statistic: meanOf, seed: 5 })).toEqual(a);
    expect(bootstrapCi(values, { statistic: meanOf, seed: 6 }).ci).not.toEqual(a.ci);
    expect(a.estimate).toBeCloseTo(0.821666, 5);
    expect(a.ci[0]).toBeLessThan(a.estimate);
    expect(a.ci[1]).toBeGreaterThan(a.estimate);
    expect(a.ci[0]).toBeGreaterThanOrEqual(0.79);
    expect(a.ci[1]).toBeLessThanOrEqual(0.86);
  });

  it('gives a degenerate interval, not NaN, for a constant sample or one value', () => {
    expect(bootstrapCi([0.5, 0.5, 0.5], { statistic: iqmOf, seed: 1 })).toEqual({ estimate: 0.5, ci: [0.5, 0.5] });
    expect(bootstrapCi([2], { statistic: meanOf, seed: 1 })).toEqual({ estimate: 2, ci: [2, 2] });
  });

  it('expanded intervals cover the true mean near the nominal rate at 5 replicates; plain percentile ones do not', () => {
    const rate = (n: number, expanded: boolean): number => {
      let hits = 0;
      const runs = 300;
      for (let s = 0; s < runs; s++) {
        const rng = createRandom(mixSeed(3, n, s));
        const values = Array.from({ length: n }, () => normal(rng));
        const distribution = bootstrapDistribution(values, meanOf, createRandom(s), 1000);
        const ci = percentileInterval(distribution, 0.95, expanded ? n : undefined);
        if (ci[0] <= 0 && 0 <= ci[1]) hits++;
      }
      return hits / runs;
    };
    const [plain5, expanded5, expanded20] = [rate(5, false), rate(5, true), rate(20, true)];
    console.log(`95% bootstrap CI of a mean, coverage over 300 seeds: percentile n=5 ${plain5}, expanded n=5 ${expanded5}, expanded n=20 ${expanded20}`);
    expect(plain5).toBeLessThan(0.88);
    expect(expanded5).toBeGreaterThan(0.9);
    expect(expanded20).toBeGreaterThan(0.9);
  });

  it('refuses bad input with exact messages', () => {
    expect(() => bootstrapCi([], { statistic: meanOf, seed: 1 })).toThrow(new RangeError('values must not be empty'));
    expect(() => bootstrapCi([1, Number.NaN], { statistic: meanOf, seed: 1 })).toThrow(new RangeError('values[1] must be a finite number, got NaN'));
    expect(() => bootstrapCi([1, 2], { statistic: meanOf, seed: 1, confidence: 1 })).toThrow(new RangeError('confidence must be a number in (0, 1), got 1'));
    expect(() => bootstrapCi([1, 2], { statistic: meanOf, seed: 1, resamples: 10 })).toThrow(new RangeError('resamples must be an integer >= 100, got 10'));
    expect(() => bootstrapCi([1, 2], { statistic: meanOf, seed: 1.5 })).toThrow(new RangeError('seed must be an integer, got 1.5'));
    expect(() => bootstrapDistribution([], meanOf, createRandom(1))).toThrow(new RangeError('values must not be empty'));
  });

  it('reads percentile bounds from a sorted distribution', () => {
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i);
    const [low, high] = percentileInterval(sorted, 0.9);
    expect(low).toBeCloseTo(5, 10);
    expect(high).toBeCloseTo(95, 10);
    // Expanded for n = 5: tail Φ(−√(5/4)·t(0.05, 4)) = Φ(−2.382) ≈ 0.0086
    const [wideLow] = percentileInterval(sorted, 0.9, 5);
    expect(wideLow).toBeCloseTo(0.86, 1);
  });
});

describe('SortedResampler', () => {
  it('draws exactly what resampleSortedInto draws from the same random stream, ties and unsorted input included', () => {
    const values = [0.3, -1, 0.3, 7, 2.5, -1, 0, 4, 0.3, 9, -3.25];
    const resampler = new SortedResampler(values);
    const [a, b] = [createRandom(42), createRandom(42)];
    for (let draw = 0; draw < 200; draw++) {
      const expected = resampleSortedInto(values, a, new Float64Array(values.length));
      expect(resampler.drawInto(b, new Float64Array(values.length))).toEqual(expected);
    }
  });
});
