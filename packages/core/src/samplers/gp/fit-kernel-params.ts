import { type Inputs, type KernelParams } from './kernel-params.js';
import { minimizeLbfgs } from './lbfgs.js';
import { fromLogParameters, toLogParameters } from './log-parameters.js';
import { negativeLogPosterior, pairwiseSquaredDifferences } from './marginal-likelihood.js';

/** Line searches per fit: enough to settle length scales from the default start, and a hard cap on cost. */
export const FIT_ITERATIONS = 40;

/**
 * Where every fit starts: unit length scales (the whole normalized range), unit kernel scale (the
 * values are standardized) and a little noise. A fit never starts from the previous ask's answer:
 * the sampler is stateless, and a history must give the same hyperparameters however it was reached.
 */
export function defaultKernelParams(dims: number): KernelParams {
  return { inverseSquaredLengthScales: new Float64Array(dims).fill(1), scale: 1, noise: 0.01 };
}

/**
 * The hyperparameters maximizing marginal likelihood × prior for standardized values `y` at
 * `inputs`, by L-BFGS on the log-parameters from defaultKernelParams. Falls back to the start when
 * even it cannot be evaluated (it always can: the noise keeps K positive definite).
 */
export function fitKernelParams(inputs: Inputs, y: Float64Array, maxIterations = FIT_ITERATIONS): KernelParams {
  const differences = pairwiseSquaredDifferences(inputs);
  const start = toLogParameters(defaultKernelParams(inputs.dims));
  const result = minimizeLbfgs((theta, gradient) => negativeLogPosterior(inputs, differences, y, theta, gradient), start, {
    maxIterations,
    gradientTolerance: 1e-3,
  });
  return Number.isFinite(result.value) ? fromLogParameters(result.x) : fromLogParameters(start);
}
