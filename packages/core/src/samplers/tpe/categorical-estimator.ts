/**
 * A categorical param's estimator, as Optuna builds it: a mixture with one kernel per observation
 * plus a uniform prior kernel. Observation i's kernel puts a = priorWeight/(n + 1) on every choice
 * and 1 more on the choice it took, normalized: (a + [c = choice_i]) / (k·a + 1). The kernels are
 * weighed like the numeric ones (observation weights, then priorWeight for the prior), normalized.
 */
export interface CategoricalEstimator {
  readonly choiceCount: number;
  /** Each observation's choice index, in observation order. */
  readonly observed: Int32Array;
  /** Kernel weights, observations first and the prior last, summing to 1. */
  readonly weights: Float64Array;
  /** The share every choice gets in an observation kernel: a/(k·a + 1). */
  readonly floor: number;
  /** The extra share of the observed choice in its kernel: 1/(k·a + 1). */
  readonly peak: number;
  /** log P(c) under the whole mixture, per choice. */
  readonly logProbabilities: Float64Array;
}

/** Builds the estimator from observed choice indices and their (unnormalized) weights. */
export function buildCategoricalEstimator(
  choiceCount: number,
  observed: Int32Array,
  observationWeights: Float64Array,
  priorWeight: number,
): CategoricalEstimator {
  const n = observed.length;
  const weights = new Float64Array(n + 1);
  let total = priorWeight;
  for (let i = 0; i < n; i++) total += observationWeights[i] as number;
  for (let i = 0; i < n; i++) weights[i] = (observationWeights[i] as number) / total;
  weights[n] = priorWeight / total;
  const a = priorWeight / (n + 1);
  const floor = a / (choiceCount * a + 1);
  const peak = 1 / (choiceCount * a + 1);
  // Σ_i w_i·(floor + peak·[c = choice_i]) + w_prior/k: the floors add up to floor·(1 − w_prior).
  const probabilities = new Float64Array(choiceCount).fill(floor * (1 - weights[n]) + weights[n] / choiceCount);
  for (let i = 0; i < n; i++) {
    const c = observed[i] as number;
    probabilities[c] = (probabilities[c] as number) + peak * (weights[i] as number);
  }
  const logProbabilities = probabilities.map(Math.log);
  return { choiceCount, observed, weights, floor, peak, logProbabilities };
}

/** log of kernel `kernel`'s probability of choice `c` (the prior is the last kernel, uniform). */
export function logKernelProbability(estimator: CategoricalEstimator, kernel: number, c: number): number {
  if (kernel === estimator.observed.length) return -Math.log(estimator.choiceCount);
  return Math.log(estimator.floor + (estimator.observed[kernel] === c ? estimator.peak : 0));
}
