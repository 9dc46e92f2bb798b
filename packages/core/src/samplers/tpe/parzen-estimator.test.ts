import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { defaultWeights } from './default-weights.js';
import { buildParzenEstimator, logDensities, pick, sampleParzen, type ParzenEstimator } from './parzen-estimator.js';

const estimator = (observations: readonly number[], low = 0, high = 1, priorWeight = 1): ParzenEstimator =>
  buildParzenEstimator(Float64Array.from(observations), defaultWeights(observations.length), low, high, priorWeight);

const scoreAt = (e: ParzenEstimator, xs: readonly number[]): number[] => {
  const out = new Float64Array(xs.length);
  logDensities(e, Float64Array.from(xs), out);
  return Array.from(out, Math.exp);
};

/** The mixture's true density Σ_k w_k·φ(z_k)/(σ_k·Z_k), what sampleParzen draws from. */
const densityAt = (e: ParzenEstimator, xs: readonly number[]): number[] =>
  xs.map((x) =>
    Array.from(e.mus).reduce((sum, mu, k) => {
      const sigma = e.sigmas[k] as number;
      return sum + ((e.weights[k] as number) * Math.exp(-0.5 * ((x - mu) / sigma) ** 2 - (e.logMasses[k] as number))) / (sigma * Math.sqrt(2 * Math.PI));
    }, 0),
  );

/** Kernels as (mu, sigma) pairs, in the estimator's (sorted) order. */
const kernels = (e: ParzenEstimator): [number, number][] => Array.from(e.mus, (mu, k) => [mu, e.sigmas[k] as number]);

describe('buildParzenEstimator', () => {
  it('adds a prior kernel at the centre with σ = range, and clips small σ to range/min(100, 1 + kernels)', () => {
    // Sorted centres 0.2, 0.3, 0.5 (prior): gaps give 0.2 and 0.2, below the clip 1/(1 + 3) = 0.25.
    expect(kernels(estimator([0.3, 0.2]))).toEqual([
      [0.2, 0.25],
      [0.3, 0.25],
      [0.5, 1],
    ]);
  });

  it('sets each σ to the larger gap to its sorted neighbours, the end kernels to the gap to their one neighbour', () => {
    // 149 crowded observations, one alone at 0.9: 150 + 1 kernels, so the clip is range/100.
    const crowded = Array.from({ length: 149 }, (_, i) => 0.05 + 0.001 * i);
    const e = estimator([0.9, ...crowded]);
    const byMu = new Map(kernels(e).map(([mu, sigma]) => [Number(mu.toFixed(6)), sigma]));
    expect(byMu.get(0.9)).toBeCloseTo(0.4, 12); // the last kernel: the prior at 0.5 is its only neighbour
    expect(byMu.get(0.05)).toBeCloseTo(0.01, 12); // the first kernel: 0.001 to 0.051, clipped up to 0.01, not 0.05 to low
    expect(byMu.get(0.1)).toBeCloseTo(0.01, 12); // 0.001 gaps, clipped up to 0.01
    expect(byMu.get(0.198)).toBeCloseTo(0.302, 12); // the prior is its right neighbour
    expect(byMu.get(0.5)).toBe(1);
  });

  it('never lets σ exceed the range', () => {
    for (const [, sigma] of kernels(estimator([0.99], 0, 1))) expect(sigma).toBeLessThanOrEqual(1);
  });

  it('weighs kernels by observation weight and prior weight, normalized', () => {
    const e = buildParzenEstimator(Float64Array.from([0.1, 0.9]), Float64Array.from([1, 3]), 0, 1, 4);
    // Sorted: 0.1 (w 1), 0.5 prior (w 4), 0.9 (w 3), of 8.
    expect(Array.from(e.cumulativeWeights)).toEqual([1 / 8, 5 / 8, 1]);
  });

  it('scores as Optuna 3.1 does: kernels without their 1/σ, so the score integrates to Σ w·σ over [low, high]', () => {
    for (const obs of [[], [0.01, 0.02, 0.97], Array.from({ length: 300 }, (_, i) => (i % 17) / 16)]) {
      const e = estimator(obs, -1, 2);
      const n = 30000;
      const xs = Array.from({ length: n + 1 }, (_, i) => -1 + (3 * i) / n);
      const integrate = (ys: number[]): number => ys.reduce((sum, y, i) => sum + (i === 0 || i === n ? y / 2 : y), 0) * (3 / n);
      const weightedSigmas = Array.from(e.weights).reduce((sum, w, k) => sum + w * (e.sigmas[k] as number), 0);
      expect(integrate(scoreAt(e, xs))).toBeCloseTo(weightedSigmas, 3);
      expect(integrate(densityAt(e, xs))).toBeCloseTo(1, 3);
    }
  });

  it('keeps the log density finite inside the range, 1,000σ from every kernel', () => {
    const e = estimator(
      Array.from({ length: 200 }, () => 0),
      0,
      1,
      1e-200,
    );
    const out = new Float64Array(1);
    logDensities(e, Float64Array.from([1]), out);
    expect(Number.isFinite(out[0])).toBe(true);
  });
});

describe('sampleParzen', () => {
  it('draws from the mixture: the share of draws in a bin matches the integrated density', () => {
    const e = estimator([0.1, 0.12, 0.15, 0.8], 0, 1);
    const random = createRandom(4);
    const draws = Array.from({ length: 40000 }, () => sampleParzen(e, random));
    for (const x of draws) expect(x >= 0 && x <= 1).toBe(true);
    for (const [from, to] of [
      [0, 0.2],
      [0.2, 0.6],
      [0.6, 1],
    ] as const) {
      const share = draws.filter((x) => x >= from && x < to).length / draws.length;
      const n = 2000;
      const ys = densityAt(
        e,
        Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n),
      );
      const mass = ys.reduce((sum, y, i) => sum + (i === 0 || i === n ? y / 2 : y), 0) * ((to - from) / n);
      expect(Math.abs(share - mass)).toBeLessThan(0.01);
    }
  });
});

describe('pick', () => {
  it('finds the first running sum above u, and the last index when rounding leaves none', () => {
    const cumulative = Float64Array.from([0.25, 0.5, 0.5, 1]);
    expect([0, 0.2499, 0.25, 0.49, 0.5, 0.99, 1].map((u) => pick(cumulative, u))).toEqual([0, 0, 1, 1, 3, 3, 3]);
    expect(pick(Float64Array.from([0.3, 0.9999999]), 0.99999995)).toBe(1);
  });
});
