import { describe, expect, it } from 'vitest';
import { defaultWeights } from './default-weights.js';
import { logCellMasses } from './parzen-cell-mass.js';
import { buildParzenEstimator } from './parzen-estimator.js';

describe('logCellMasses', () => {
  // An int param 0..10 on its internal interval [−0.5, 10.5].
  const observations = [1, 2, 2, 7, 10];
  const estimator = buildParzenEstimator(Float64Array.from(observations), defaultWeights(observations.length), -0.5, 10.5, 1);
  const grid = Float64Array.from({ length: 11 }, (_, i) => i);
  const out = new Float64Array(grid.length);
  logCellMasses(estimator, grid, 0.5, out);

  it('gives the grid points probabilities that add up to 1', () => {
    expect(Array.from(out, Math.exp).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('agrees with integrating the density over each cell', () => {
    const density = (x: number): number => {
      let sum = 0;
      estimator.mus.forEach((mu, k) => {
        const sigma = estimator.sigmas[k] as number;
        sum += Math.exp((estimator.logCoefficients[k] as number) - 0.5 * ((x - mu) / sigma) ** 2) / sigma;
      });
      return sum;
    };
    const cell = (x: number, steps = 2000): number => {
      let sum = 0;
      for (let i = 0; i < steps; i++) sum += density(x - 0.5 + (i + 0.5) / steps) / steps;
      return sum;
    };
    for (const x of [0, 2, 5, 10]) expect(Math.exp(out[x] as number)).toBeCloseTo(cell(x), 7);
  });

  it('answers repeated points alike', () => {
    const repeated = new Float64Array(3);
    logCellMasses(estimator, Float64Array.from([2, 2, 2]), 0.5, repeated);
    expect(Array.from(repeated)).toEqual([out[2], out[2], out[2]]);
  });
});
