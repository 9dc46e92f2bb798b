/**
 * The GP's hyperparameters: k(a, b) = scale · matern52(Σ_d λ_d·Δ_d(a, b)²) plus `noise` on the
 * diagonal of the training covariance. Δ_d is the plain difference in normalized coordinates for a
 * numeric dimension and, as Optuna 4 does, 0 or 1 ("same choice or not") for a categorical one:
 * categories have no order, so "adam is between sgd and rmsprop" must not be read into an index.
 */
export interface KernelParams {
  /** λ_d = 1/ℓ_d² per dimension (ARD): large λ, the objective changes fast along d. */
  readonly inverseSquaredLengthScales: Float64Array;
  /** Prior variance of the latent function (objective values are standardized, so about 1). */
  readonly scale: number;
  /** Observation noise variance, at least MIN_NOISE. */
  readonly noise: number;
}

/**
 * The noise floor. A deterministic objective would be fitted best with no noise at all, but then
 * two trials at (nearly) the same point make the covariance singular; 1e-6 of a unit-variance
 * objective is invisible in the fit and keeps the Cholesky factor healthy (Optuna's floor too).
 */
export const MIN_NOISE = 1e-6;

/** The training points, row-major, with which dimensions are categorical. */
export interface Inputs {
  /** n × dims normalized coordinates (a categorical dimension holds the choice's index). */
  readonly x: Float64Array;
  readonly n: number;
  readonly dims: number;
  /** 1 where the dimension is categorical. */
  readonly categorical: Uint8Array;
}

/** Δ_d(a, b)²: squared difference, or 0/1 for a categorical dimension. */
export function squaredDifference(a: number, b: number, categorical: boolean): number {
  if (categorical) return a === b ? 0 : 1;
  const d = a - b;
  return d * d;
}

/** Σ_d λ_d·Δ_d² between row `i` of `x` and `point` (dims long, starting at `offset`). */
export function scaledSquaredDistance(inputs: Inputs, i: number, point: Float64Array, offset: number, lambdas: Float64Array): number {
  const { x, dims, categorical } = inputs;
  let d2 = 0;
  const row = i * dims;
  for (let d = 0; d < dims; d++) d2 += (lambdas[d] as number) * squaredDifference(x[row + d] as number, point[offset + d] as number, categorical[d] === 1);
  return d2;
}
