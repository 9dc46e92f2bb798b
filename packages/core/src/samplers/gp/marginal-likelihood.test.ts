import { describe, expect, it } from 'vitest';
import type { Inputs } from './kernel-params.js';
import { toLogParameters } from './log-parameters.js';
import { negativeLogPosterior, pairwiseSquaredDifferences } from './marginal-likelihood.js';

/** Twelve points in two numeric dimensions and one categorical one (3 choices), with values. */
function example(): { inputs: Inputs; y: Float64Array } {
  const n = 12;
  const dims = 3;
  const x = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    x[i * dims] = (i * 0.37) % 1;
    x[i * dims + 1] = (i * 0.61 + 0.2) % 1;
    x[i * dims + 2] = i % 3;
  }
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * (x[i * dims] as number)) + 0.3 * (i % 3) - 0.2);
  return { inputs: { x, n, dims, categorical: Uint8Array.from([0, 0, 1]) }, y };
}

describe('negativeLogPosterior', () => {
  const { inputs, y } = example();
  const differences = pairwiseSquaredDifferences(inputs);

  it('has the analytic gradient that central finite differences give, at several hyperparameters', () => {
    const points = [
      { inverseSquaredLengthScales: Float64Array.from([1, 1, 1]), scale: 1, noise: 0.01 },
      { inverseSquaredLengthScales: Float64Array.from([5, 0.2, 2]), scale: 0.6, noise: 0.1 },
      { inverseSquaredLengthScales: Float64Array.from([0.3, 8, 0.5]), scale: 2, noise: 1e-4 },
    ];
    for (const params of points) {
      const theta = toLogParameters(params);
      const gradient = new Float64Array(theta.length);
      const value = negativeLogPosterior(inputs, differences, y, theta, gradient);
      expect(Number.isFinite(value)).toBe(true);
      const scratch = new Float64Array(theta.length);
      for (let k = 0; k < theta.length; k++) {
        const e = 1e-5;
        const plus = Float64Array.from(theta);
        const minus = Float64Array.from(theta);
        plus[k] = (plus[k] as number) + e;
        minus[k] = (minus[k] as number) - e;
        const numeric = (negativeLogPosterior(inputs, differences, y, plus, scratch) - negativeLogPosterior(inputs, differences, y, minus, scratch)) / (2 * e);
        expect(gradient[k]).toBeCloseTo(numeric, 4);
      }
    }
  });

  it('is Infinity for absurd log-parameters, so the line search steps back', () => {
    const theta = Float64Array.from([0, 0, 0, 0, 50]);
    expect(negativeLogPosterior(inputs, differences, y, theta, new Float64Array(5))).toBe(Infinity);
  });
});
