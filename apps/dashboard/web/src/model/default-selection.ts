/**
 * Which trials' learning curves to draw before the user picks any: the best few completed ones,
 * the most recent pruned ones (to see where pruning cut in), and the ones running now.
 */
import type { Direction, TrialRow } from '../api/types';

export function defaultCurveSelection(trials: readonly TrialRow[], direction: Direction, best = 5, pruned = 3, running = 2): number[] {
  const complete = trials
    .filter((t) => t.state === 'COMPLETE' && t.value !== undefined && Number.isFinite(t.value))
    .sort((a, b) => (direction === 'maximize' ? (b.value as number) - (a.value as number) : (a.value as number) - (b.value as number)) || a.number - b.number)
    .slice(0, best);
  const latest = (state: TrialRow['state'], n: number) =>
    trials
      .filter((t) => t.state === state)
      .sort((a, b) => b.number - a.number)
      .slice(0, n);
  return [...complete, ...latest('PRUNED', pruned), ...latest('RUNNING', running)].map((t) => t.number).sort((a, b) => a - b);
}
