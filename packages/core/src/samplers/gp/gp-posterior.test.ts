import { describe, expect, it } from 'vitest';
import { buildPosterior, predictMany, predictWithGradient } from './gp-posterior.js';
import type { Inputs, KernelParams } from './kernel-params.js';

const inputs: Inputs = {
  x: Float64Array.from([0.1, 0, 0.4, 1, 0.8, 2, 0.55, 0, 0.3, 1, 0.9, 0]),
  n: 6,
  dims: 2,
  categorical: Uint8Array.from([0, 1]),
};
const y = Float64Array.from([0.5, -1, 1.2, 0.3, -0.4, 0.9]);
const params: KernelParams = { inverseSquaredLengthScales: Float64Array.from([6, 0.7]), scale: 1.3, noise: 1e-4 };

describe('GP posterior', () => {
  const posterior = buildPosterior(inputs, y, params);

  it('interpolates its (nearly noiseless) training values, with near-zero variance there', () => {
    expect(posterior).toBeDefined();
    const mean = new Float64Array(6);
    const variance = new Float64Array(6);
    predictMany(posterior!, inputs.x, 6, mean, variance);
    for (let i = 0; i < 6; i++) {
      expect(mean[i]).toBeCloseTo(y[i] as number, 2);
      expect(variance[i]).toBeLessThan(1e-3);
    }
  });

  it('returns to the prior far from the data: mean 0, variance = scale', () => {
    const mean = new Float64Array(1);
    const variance = new Float64Array(1);
    // A category no training point has (index 7): the categorical distance alone is 1, λ = 0.7.
    predictMany(posterior!, Float64Array.from([5, 7]), 1, mean, variance);
    expect(Math.abs(mean[0] as number)).toBeLessThan(1e-6);
    expect(variance[0]).toBeCloseTo(1.3, 6);
  });

  it('predicts the same one point at a time (with gradient) as in a batch', () => {
    const points = Float64Array.from([0.2, 0, 0.7, 1, 0.45, 2]);
    const mean = new Float64Array(3);
    const variance = new Float64Array(3);
    predictMany(posterior!, points, 3, mean, variance);
    for (let c = 0; c < 3; c++) {
      const single = predictWithGradient(posterior!, points.slice(c * 2, c * 2 + 2), [0]);
      expect(single.mean).toBeCloseTo(mean[c] as number, 12);
      expect(single.variance).toBeCloseTo(variance[c] as number, 12);
    }
  });

  it('has mean and variance gradients along continuous dimensions that finite differences give', () => {
    for (const x0 of [0.2, 0.47, 0.75]) {
      const point = Float64Array.from([x0, 1]);
      const p = predictWithGradient(posterior!, point, [0]);
      const e = 1e-6;
      const plus = predictWithGradient(posterior!, Float64Array.from([x0 + e, 1]), [0]);
      const minus = predictWithGradient(posterior!, Float64Array.from([x0 - e, 1]), [0]);
      expect(p.meanGradient[0]).toBeCloseTo((plus.mean - minus.mean) / (2 * e), 5);
      expect(p.varianceGradient[0]).toBeCloseTo((plus.variance - minus.variance) / (2 * e), 5);
    }
  });
});
