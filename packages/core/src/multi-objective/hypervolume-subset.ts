import type { Direction } from '../trial/frozen-trial.js';
import { hypervolumeContributions } from './hypervolume-contributions.js';
import type { ObjectiveVector } from './objective-vector.js';

/**
 * Which `count` of `points` to keep so that their hypervolume stays large (the hypervolume subset
 * selection problem, solved greedily): drop the point with the smallest exclusive contribution,
 * recompute, repeat. Not always optimal, but exact on the last drop and the usual choice
 * (SMS-EMOA's). Ties drop the later index, so earlier points stay.
 *
 * (n − count) contribution computations: O((n − count) · n log n) for 2 objectives; for 3 or more
 * each is (n + 1) hypervolumes, so keep n small there (tens).
 * @returns indices into `points`, ascending.
 * @throws {SweepError} code 'INTERNAL' on a bad vector or reference (see hypervolumeContributions).
 */
export function selectByHypervolume(points: readonly ObjectiveVector[], count: number, reference: ObjectiveVector, directions: readonly Direction[]): number[] {
  const kept = points.map((_, i) => i);
  while (kept.length > Math.max(0, count)) {
    const contributions = hypervolumeContributions(
      kept.map((i) => points[i] as ObjectiveVector),
      reference,
      directions,
    );
    let worst = 0;
    for (let k = 1; k < kept.length; k++) if ((contributions[k] as number) <= (contributions[worst] as number)) worst = k;
    kept.splice(worst, 1);
  }
  return kept;
}
