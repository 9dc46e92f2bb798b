import type { Direction } from '../../trial/frozen-trial.js';
import { crowdingDistance } from '../crowding-distance.js';
import type { Observation } from '../mo-history.js';
import { nonDominatedSort } from '../non-dominated-sort.js';
import { toMinimized, type ObjectiveVector } from '../objective-vector.js';
import { greedyHypervolumeSubset, motpeReferencePoint } from './hypervolume-good-set.js';

export interface ParetoSplit {
  readonly below: readonly Observation[];
  readonly above: readonly Observation[];
}

/**
 * MOTPE's good/bad split, Optuna 3.1's rule (Ozaki et al. 2020): the best `nBelow` observations by
 * non-dominated rank, whole fronts first. The front that does not fit whole is cut to the subset
 * picked by greedy hypervolume subset selection (greedyHypervolumeSubset: each step adds the point
 * that adds the most hypervolume), against motpeReferencePoint of that front, for any number of
 * objectives. A front with an infinite value has no box to measure: it is cut to its least
 * crowded points (crowding distance) instead. Constraints play no part here: c-TPE models them
 * separately (see constraintSplits). Both halves in number order.
 *
 * O(m·n·f) to peel the fronts needed, plus the cut: O(r·c·h(c)) at worst for r points to keep
 * of the front's f, h(c) the cost of one hypervolume of c ≤ r points, far less in practice
 * (the gains are recomputed lazily).
 */
export function splitByPareto(observations: readonly Observation[], nBelow: number, directions: readonly Direction[]): ParetoSplit {
  const fronts = nonDominatedSort(
    observations.map((o) => o.values),
    directions,
    { limit: nBelow },
  );
  const isBelow = new Uint8Array(observations.length);
  let taken = 0;
  for (const front of fronts) {
    const room = nBelow - taken;
    if (room <= 0) break;
    const keep =
      front.length <= room
        ? front.map((_, k) => k)
        : cutFront(
            front.map((i) => (observations[i] as Observation).values),
            room,
            directions,
          );
    for (const k of keep) isBelow[front[k] as number] = 1;
    taken += keep.length;
  }
  const below: Observation[] = [];
  const above: Observation[] = [];
  observations.forEach((o, i) => (isBelow[i] === 1 ? below : above).push(o));
  return { below, above };
}

/** Which `room` of the front's points (indices into `points`) stay good. */
function cutFront(points: readonly ObjectiveVector[], room: number, directions: readonly Direction[]): number[] {
  if (points.every((p) => p.every(Number.isFinite))) {
    const minimized = points.map((point) => toMinimized(point, directions));
    return greedyHypervolumeSubset(minimized, room, motpeReferencePoint(minimized));
  }
  const distances = crowdingDistance(points);
  return points
    .map((_, k) => k)
    .sort((a, b) => (distances[b] as number) - (distances[a] as number) || a - b)
    .slice(0, room);
}
