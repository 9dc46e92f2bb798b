import { describe, expect, it } from 'vitest';
import { createRandom, normal } from '../../random.js';
import { cholesky } from './cholesky.js';
import { fitKernelParams } from './fit-kernel-params.js';
import { scaledSquaredDistance, type Inputs } from './kernel-params.js';
import { matern52 } from './matern52.js';

/**
 * n points in [0,1]², and one draw of a GP with the given inverse squared length scales (kernel
 * scale 1) at them, plus observation noise of the given variance. Standardized as the sampler does.
 */
function gpDraw(n: number, lambdas: readonly number[], noise: number, seed: number): { inputs: Inputs; y: Float64Array } {
  const random = createRandom(seed);
  const dims = lambdas.length;
  const x = Float64Array.from({ length: n * dims }, () => random());
  const inputs: Inputs = { x, n, dims, categorical: new Uint8Array(dims) };
  const lambda = Float64Array.from(lambdas);
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) k[i * n + j] = matern52(scaledSquaredDistance(inputs, i, x, j * dims, lambda)) + (i === j ? 1e-8 : 0);
  const l = cholesky(k, n) as Float64Array;
  const z = Float64Array.from({ length: n }, () => normal(random));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j <= i; j++) sum += (l[i * n + j] as number) * (z[j] as number);
    y[i] = sum + Math.sqrt(noise) * normal(random);
  }
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { inputs, y: y.map((v) => (v - mean) / sd) };
}

describe('fitKernelParams (maximum marginal likelihood)', () => {
  it('recovers a known length scale: short along x₀ (λ = 25, ℓ = 0.2), long along x₁ (λ = 0.25, ℓ = 2)', () => {
    for (const seed of [1, 2, 3]) {
      const { inputs, y } = gpDraw(64, [25, 0.25], 1e-6, seed);
      const fitted = fitKernelParams(inputs, y).inverseSquaredLengthScales;
      // λ within a factor 2.5 of the truth for the informative dimension; the flat one far below it.
      expect(fitted[0] as number).toBeGreaterThan(25 / 2.5);
      expect(fitted[0] as number).toBeLessThan(25 * 2.5);
      expect(fitted[1] as number).toBeLessThan((fitted[0] as number) / 10);
    }
  });

  it('fits little noise to a noiseless draw and clearly more to a noisy one', () => {
    const clean = gpDraw(60, [4, 4], 0, 5);
    const noisy = gpDraw(60, [4, 4], 0.3, 5);
    const cleanNoise = fitKernelParams(clean.inputs, clean.y).noise;
    const noisyNoise = fitKernelParams(noisy.inputs, noisy.y).noise;
    expect(cleanNoise).toBeLessThan(1e-3);
    expect(noisyNoise).toBeGreaterThan(0.02);
    expect(noisyNoise).toBeGreaterThan(100 * cleanNoise);
  });

  it('is deterministic', () => {
    const { inputs, y } = gpDraw(30, [2, 9], 0.01, 8);
    expect(fitKernelParams(inputs, y)).toEqual(fitKernelParams(inputs, y));
  });
});
