/**
 * "How sure are we about the order?" — the bootstrap probability that each group has the best
 * estimate: resample every group independently (a bootstrap stratified by group, as rliable does
 * by task), see who comes out best, repeat. Descriptive, not a test: with equal groups it spreads
 * ~1/k each, and it does not correct for anything.
 */
import type { RandomSource } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { DEFAULT_RESAMPLES, SortedResampler } from './bootstrap.js';

/**
 * For each group (in the order given) the share of `resamples` stratified bootstrap draws in
 * which its `statistic` is the best in `direction`; a tie for best splits the draw equally, so the
 * shares sum to 1. Assumes every group is non-empty and finite (the callers validate).
 */
export function probabilityOfBeingBest(
  groups: readonly (readonly number[])[],
  statistic: (sorted: ArrayLike<number>) => number,
  direction: Direction,
  random: RandomSource,
  resamples: number = DEFAULT_RESAMPLES,
): number[] {
  const sign = direction === 'minimize' ? -1 : 1;
  const buffers = groups.map((values) => new Float64Array(values.length));
  const resamplers = groups.map((values) => new SortedResampler(values));
  const wins = new Float64Array(groups.length);
  const scores = new Float64Array(groups.length);
  for (let b = 0; b < resamples; b++) {
    let best = Number.NEGATIVE_INFINITY;
    groups.forEach((_, g) => {
      scores[g] = sign * statistic((resamplers[g] as SortedResampler).drawInto(random, buffers[g] as Float64Array));
      best = Math.max(best, scores[g]);
    });
    let tied = 0;
    for (let g = 0; g < groups.length; g++) if (scores[g] === best) tied++;
    for (let g = 0; g < groups.length; g++) if (scores[g] === best) wins[g] = (wins[g] as number) + 1 / tied;
  }
  return Array.from(wins, (w) => w / resamples);
}
