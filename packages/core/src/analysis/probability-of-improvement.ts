/**
 * rliable's probability of improvement (Agarwal et al. 2021, §4): P(X > Y) = the chance that a
 * random replicate of X scores higher than a random replicate of Y, ties counting one half — the
 * Mann–Whitney U statistic divided by |x|·|y|. It describes how often one strategy beats the other
 * run for run, which a difference of means does not; 0.5 means neither tends to be ahead.
 */
import type { Direction } from '../trial/frozen-trial.js';

/**
 * P(X > Y) + ½·P(X = Y) over all pairs (x, y) of the given values, "higher" read in `direction`
 * (for 'minimize', lower is better). NaN when either side is empty.
 */
export function probabilityOfImprovement(x: readonly number[], y: readonly number[], direction: Direction = 'maximize'): number {
  if (x.length === 0 || y.length === 0) return Number.NaN;
  const sign = direction === 'minimize' ? -1 : 1;
  let score = 0;
  for (const a of x) {
    for (const b of y) {
      const d = sign * (a - b);
      score += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  }
  return score / (x.length * y.length);
}
