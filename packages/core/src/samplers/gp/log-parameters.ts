import { MIN_NOISE, type KernelParams } from './kernel-params.js';

/**
 * The unconstrained vector the optimizer moves: θ = [log λ_1…λ_D, log scale, log(noise − MIN_NOISE)].
 * Logs make every hyperparameter positive by construction and put length scales of 0.01 and 100
 * the same distance from 1, which is how their effect on the likelihood behaves.
 */
export function toLogParameters(params: KernelParams): Float64Array {
  const dims = params.inverseSquaredLengthScales.length;
  const theta = new Float64Array(dims + 2);
  for (let d = 0; d < dims; d++) theta[d] = Math.log(params.inverseSquaredLengthScales[d] as number);
  theta[dims] = Math.log(params.scale);
  theta[dims + 1] = Math.log(Math.max(params.noise - MIN_NOISE, 1e-300));
  return theta;
}

/** The hyperparameters θ stands for (see toLogParameters). */
export function fromLogParameters(theta: Float64Array): KernelParams {
  const dims = theta.length - 2;
  const inverseSquaredLengthScales = new Float64Array(dims);
  for (let d = 0; d < dims; d++) inverseSquaredLengthScales[d] = Math.exp(theta[d] as number);
  return { inverseSquaredLengthScales, scale: Math.exp(theta[dims] as number), noise: MIN_NOISE + Math.exp(theta[dims + 1] as number) };
}
