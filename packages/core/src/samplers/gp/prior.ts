import { MIN_NOISE, type KernelParams } from './kernel-params.js';

/**
 * Weak priors on the hyperparameters, Optuna 4's shapes: with a handful of trials the marginal
 * likelihood alone is often maximized at a degenerate point (every length scale infinite, or all of
 * the variance called noise). Each λ_d gets −(0.1/λ + 0.1·λ), which pulls length scales towards ~1
 * (the unit cube) without forbidding either end; the kernel scale a Gamma(2, 1) (about 1, as the
 * values are standardized); the noise a Gamma(1.1, 30), which prefers little noise (mean ~0.04)
 * but lets a noisy objective claim more. Constant terms are left out: only gradients matter.
 */
export function logPrior(params: KernelParams): number {
  let sum = 0;
  for (const lambda of params.inverseSquaredLengthScales) sum -= 0.1 / lambda + 0.1 * lambda;
  sum += Math.log(params.scale) - params.scale;
  sum += 0.1 * Math.log(params.noise) - 30 * params.noise;
  return sum;
}

/**
 * d logPrior / dθ for the fitted (log) parameters θ = [log λ_1…λ_D, log scale, log(noise − MIN_NOISE)],
 * added into `gradient` (length D + 2).
 */
export function addLogPriorGradient(params: KernelParams, gradient: Float64Array): void {
  const lambdas = params.inverseSquaredLengthScales;
  const dims = lambdas.length;
  for (let d = 0; d < dims; d++) {
    const lambda = lambdas[d] as number;
    gradient[d] = (gradient[d] as number) + 0.1 / lambda - 0.1 * lambda;
  }
  gradient[dims] = (gradient[dims] as number) + 1 - params.scale;
  gradient[dims + 1] = (gradient[dims + 1] as number) + (0.1 / params.noise - 30) * (params.noise - MIN_NOISE);
}
