/** The optimization history's staircase: the best finished value at each trial number. */
import type { Direction, TrialRow } from '../api/types';

export const isBetter = (a: number, b: number, direction: Direction): boolean => (direction === 'minimize' ? a < b : a > b);

/** One point per COMPLETE trial (in number order) with a finite value: [number, best so far]. */
export function bestSoFar(trials: readonly TrialRow[], direction: Direction): [number, number][] {
  const points: [number, number][] = [];
  let best: number | undefined;
  for (const trial of [...trials].sort((a, b) => a.number - b.number)) {
    if (trial.state !== 'COMPLETE' || trial.value === undefined || !Number.isFinite(trial.value)) continue;
    if (best === undefined || isBetter(trial.value, best, direction)) best = trial.value;
    points.push([trial.number, best]);
  }
  return points;
}
