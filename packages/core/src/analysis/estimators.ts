/**
 * Point estimates of a group's score from its replicates. Both take values sorted ascending, so a
 * bootstrap can sort each resample once and ask for either.
 */

/** The arithmetic mean of `sorted` (any order works); NaN when empty. */
export function meanOf(sorted: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return sorted.length === 0 ? Number.NaN : sum / sorted.length;
}

/**
 * The interquartile mean (rliable, Agarwal et al. 2021): the mean of the values left after
 * trimming ⌊n/4⌋ from each end, as scipy.stats.trim_mean(x, 0.25) does. It resists one diverged
 * or lucky run better than the mean and is less noisy than the median; with n < 4 nothing is
 * trimmed and it equals the mean. NaN when empty.
 *
 * @param sorted - values sorted ascending (the trimming relies on it).
 */
export function iqmOf(sorted: ArrayLike<number>): number {
  const cut = Math.floor(sorted.length / 4);
  let sum = 0;
  for (let i = cut; i < sorted.length - cut; i++) sum += sorted[i] as number;
  return sorted.length === 0 ? Number.NaN : sum / (sorted.length - 2 * cut);
}

/** Which point estimate a verdict uses for every group. */
export type Estimator = 'mean' | 'iqm';

/**
 * Below this many replicates in some group the IQM trims at most one value per end and is mostly
 * noise; `'auto'` then uses the mean for every group, so all groups share one estimator.
 */
export const IQM_MIN_REPLICATES = 8;

/** The estimator `'auto'` picks: IQM when every group has at least IQM_MIN_REPLICATES values. */
export function chooseEstimator(sizes: readonly number[]): Estimator {
  return sizes.length > 0 && sizes.every((n) => n >= IQM_MIN_REPLICATES) ? 'iqm' : 'mean';
}

/** The function that computes `estimator` from sorted values. */
export function estimatorFn(estimator: Estimator): (sorted: ArrayLike<number>) => number {
  return estimator === 'iqm' ? iqmOf : meanOf;
}
