import { cholesky, solveLower, solveLowerColumns, solveUpperTransposed } from './cholesky.js';
import { scaledSquaredDistance, type Inputs, type KernelParams } from './kernel-params.js';
import { matern52, matern52Slope } from './matern52.js';

/** A GP conditioned on its training points: what prediction needs, computed once per ask. */
export interface Posterior {
  readonly inputs: Inputs;
  readonly params: KernelParams;
  /** Cholesky factor of K + noise·I (n × n, row-major, lower). */
  readonly cholesky: Float64Array;
  /** (K + noise·I)⁻¹·y. */
  readonly alpha: Float64Array;
}

/** Candidates predicted per batch: n × 256 doubles of cross-covariance stay cache-sized at n = 300. */
const BATCH = 64;
/** Posterior variances below this are clamped: log EI needs σ > 0, and rounding can give −1e-17. */
export const MIN_VARIANCE = 1e-12;

/**
 * Conditions the GP on `inputs` with values `y`. If rounding makes K + noise·I lose positive
 * definiteness (near-duplicate points with the noise at its floor), the noise is raised tenfold,
 * up to three times. Returns undefined when even that fails.
 */
export function buildPosterior(inputs: Inputs, y: Float64Array, params: KernelParams): Posterior | undefined {
  const { n } = inputs;
  const covariance = new Float64Array(n * n);
  const lambdas = params.inverseSquaredLengthScales;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const k = params.scale * matern52(scaledSquaredDistance(inputs, i, inputs.x, j * inputs.dims, lambdas));
      covariance[i * n + j] = k;
      covariance[j * n + i] = k;
    }
  }
  let noise = params.noise;
  for (let attempt = 0; attempt < 4; attempt++, noise *= 10) {
    for (let i = 0; i < n; i++) covariance[i * n + i] = params.scale + noise;
    const l = cholesky(covariance, n);
    if (l === undefined) continue;
    const alpha = Float64Array.from(y);
    solveLower(l, n, alpha);
    solveUpperTransposed(l, n, alpha);
    return { inputs, params: { ...params, noise }, cholesky: l, alpha };
  }
  return undefined;
}

/**
 * Posterior mean and latent variance (noise excluded: EI is about the objective, not about one
 * noisy measurement of it) at `count` points stored row-major in `points`, written into `mean` and
 * `variance`. Batched: one cross-covariance block and one multi-column triangular solve per
 * BATCH points, O(n²) flops per point but in contiguous inner loops.
 */
export function predictMany(posterior: Posterior, points: Float64Array, count: number, mean: Float64Array, variance: Float64Array): void {
  const { inputs, params, alpha, cholesky: l } = posterior;
  const { n, dims, x, categorical } = inputs;
  const lambdas = params.inverseSquaredLengthScales;
  const scale = params.scale;
  const block = new Float64Array(n * Math.min(BATCH, count));
  for (let start = 0; start < count; start += BATCH) {
    const columns = Math.min(BATCH, count - start);
    for (let c = 0; c < columns; c++) mean[start + c] = 0;
    for (let i = 0; i < n; i++) {
      const a = alpha[i] as number;
      const row = i * dims;
      const rowBlock = i * columns;
      for (let c = 0; c < columns; c++) {
        // scaledSquaredDistance, inlined: this loop runs n × count times per ask.
        const offset = (start + c) * dims;
        let d2 = 0;
        for (let d = 0; d < dims; d++) {
          const diff = (x[row + d] as number) - (points[offset + d] as number);
          d2 += (lambdas[d] as number) * (categorical[d] === 1 ? (diff === 0 ? 0 : 1) : diff * diff);
        }
        const k = scale * matern52(d2);
        block[rowBlock + c] = k;
        mean[start + c] = (mean[start + c] as number) + k * a;
      }
    }
    solveLowerColumns(l, n, block, columns);
    for (let c = 0; c < columns; c++) variance[start + c] = 0;
    for (let i = 0; i < n; i++) {
      const rowBlock = i * columns;
      for (let c = 0; c < columns; c++) variance[start + c] = (variance[start + c] as number) + (block[rowBlock + c] as number) ** 2;
    }
    for (let c = 0; c < columns; c++) variance[start + c] = Math.max(scale - (variance[start + c] as number), MIN_VARIANCE);
  }
}

export interface PredictionWithGradient {
  readonly mean: number;
  readonly variance: number;
  /** ∂mean/∂x_d for each dimension in `dimensions`, in that order. */
  readonly meanGradient: Float64Array;
  /** ∂variance/∂x_d likewise (0 when the variance is clamped). */
  readonly varianceGradient: Float64Array;
}

/**
 * Mean and variance at one point with their gradients along the listed (continuous) dimensions:
 * ∂μ = Σ_i α_i·∂k_i and ∂σ² = −2·Σ_i (K⁻¹k)_i·∂k_i, with ∂k_i/∂x_d = k′(d²)·2λ_d·(x_d − x_id).
 */
export function predictWithGradient(posterior: Posterior, point: Float64Array, dimensions: readonly number[]): PredictionWithGradient {
  const { inputs, params, alpha, cholesky: l } = posterior;
  const { n, dims, x } = inputs;
  const lambdas = params.inverseSquaredLengthScales;
  const k = new Float64Array(n);
  const slopes = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const d2 = scaledSquaredDistance(inputs, i, point, 0, lambdas);
    k[i] = params.scale * matern52(d2);
    slopes[i] = params.scale * matern52Slope(d2);
    mean += (k[i] as number) * (alpha[i] as number);
  }
  const w = Float64Array.from(k);
  solveLower(l, n, w);
  let explained = 0;
  for (const v of w) explained += v * v;
  const rawVariance = params.scale - explained;
  solveUpperTransposed(l, n, w);
  const meanGradient = new Float64Array(dimensions.length);
  const varianceGradient = new Float64Array(dimensions.length);
  dimensions.forEach((d, m) => {
    const lambda2 = 2 * (lambdas[d] as number);
    const xd = point[d] as number;
    let dMean = 0;
    let dVariance = 0;
    for (let i = 0; i < n; i++) {
      const dk = (slopes[i] as number) * lambda2 * (xd - (x[i * dims + d] as number));
      dMean += (alpha[i] as number) * dk;
      dVariance -= 2 * (w[i] as number) * dk;
    }
    meanGradient[m] = dMean;
    varianceGradient[m] = rawVariance > MIN_VARIANCE ? dVariance : 0;
  });
  return { mean, variance: Math.max(rawVariance, MIN_VARIANCE), meanGradient, varianceGradient };
}
