import { cholesky, inverseFromCholesky, solveLower, solveUpperTransposed } from './cholesky.js';
import { squaredDifference, type Inputs } from './kernel-params.js';
import { fromLogParameters } from './log-parameters.js';
import { matern52, matern52Slope } from './matern52.js';
import { addLogPriorGradient, logPrior } from './prior.js';

const LOG_2PI = Math.log(2 * Math.PI);
/** |θ_k| beyond this (e^40 ≈ 2e17) is no sensible hyperparameter: report it as infeasible. */
const MAX_ABS_LOG_PARAMETER = 40;

/**
 * Squared per-dimension differences of every pair i > j, packed: pair p = i(i−1)/2 + j holds
 * Δ_d(x_i, x_j)² at p·dims + d. Computed once per fit: each likelihood evaluation only re-weights
 * them by the current λ.
 */
export function pairwiseSquaredDifferences(inputs: Inputs): Float64Array {
  const { x, n, dims, categorical } = inputs;
  const out = new Float64Array(((n * (n - 1)) / 2) * dims);
  let p = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++, p++) {
      for (let d = 0; d < dims; d++) out[p * dims + d] = squaredDifference(x[i * dims + d] as number, x[j * dims + d] as number, categorical[d] === 1);
    }
  }
  return out;
}

/**
 * −(log marginal likelihood + log prior) of standardized values `y` at log-parameters `theta`
 * (see toLogParameters), and its gradient written into `gradient`. The gradient is the analytic
 * one: ∂/∂θ_k log p(y) = ½·tr((ααᵀ − K⁻¹)·∂K/∂θ_k) with α = K⁻¹y. Returns Infinity (gradient
 * untouched) when K is not numerically positive definite or θ is absurd, which the line search
 * treats as "step back".
 */
export function negativeLogPosterior(inputs: Inputs, differences: Float64Array, y: Float64Array, theta: Float64Array, gradient: Float64Array): number {
  for (const value of theta) if (!(Math.abs(value) <= MAX_ABS_LOG_PARAMETER)) return Infinity;
  const { n, dims } = inputs;
  const params = fromLogParameters(theta);
  const lambdas = params.inverseSquaredLengthScales;
  const pairs = (n * (n - 1)) / 2;

  // K, plus each pair's kernel value and d k / d(d²), reused by the gradient.
  const covariance = new Float64Array(n * n);
  const pairKernel = new Float64Array(pairs);
  const pairSlope = new Float64Array(pairs);
  let p = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++, p++) {
      let d2 = 0;
      for (let d = 0; d < dims; d++) d2 += (lambdas[d] as number) * (differences[p * dims + d] as number);
      const k = params.scale * matern52(d2);
      pairKernel[p] = k;
      pairSlope[p] = params.scale * matern52Slope(d2);
      covariance[i * n + j] = k;
      covariance[j * n + i] = k;
    }
  }
  for (let i = 0; i < n; i++) covariance[i * n + i] = params.scale + params.noise;

  const l = cholesky(covariance, n);
  if (l === undefined) return Infinity;
  const alpha = Float64Array.from(y);
  solveLower(l, n, alpha);
  let quadratic = 0;
  for (const v of alpha) quadratic += v * v;
  solveUpperTransposed(l, n, alpha);
  let halfLogDet = 0;
  for (let i = 0; i < n; i++) halfLogDet += Math.log(l[i * n + i] as number);
  const value = 0.5 * quadratic + halfLogDet + 0.5 * n * LOG_2PI - logPrior(params);

  // W = ααᵀ − K⁻¹; each θ_k's gradient is ½·Σ_ij W_ij ∂K_ij/∂θ_k, the off-diagonal pairs counted twice.
  const inverse = inverseFromCholesky(l, n);
  gradient.fill(0);
  p = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++, p++) {
      const w = (alpha[i] as number) * (alpha[j] as number) - (inverse[i * n + j] as number);
      const slopeWeight = w * (pairSlope[p] as number);
      for (let d = 0; d < dims; d++) gradient[d] = (gradient[d] as number) + slopeWeight * (differences[p * dims + d] as number);
      gradient[dims] = (gradient[dims] as number) + w * (pairKernel[p] as number);
    }
  }
  let diagonal = 0;
  for (let i = 0; i < n; i++) diagonal += (alpha[i] as number) * (alpha[i] as number) - (inverse[i * n + i] as number);
  for (let d = 0; d < dims; d++) gradient[d] = (gradient[d] as number) * (lambdas[d] as number);
  gradient[dims] = (gradient[dims] as number) + 0.5 * diagonal * params.scale;
  // ∂K/∂θ_noise = (noise − MIN_NOISE)·I = e^θ·I.
  gradient[dims + 1] = 0.5 * diagonal * Math.exp(theta[dims + 1] as number);
  addLogPriorGradient(params, gradient);
  // The objective is the negative: flip the log-posterior gradient.
  for (let k = 0; k < gradient.length; k++) gradient[k] = -(gradient[k] as number);
  return value;
}
