import { SweepError } from '../errors/sweep-error.js';
import type { Direction } from '../trial/frozen-trial.js';
import { dominatesMinimized } from './dominance.js';
import { toMinimized, type ObjectiveVector } from './objective-vector.js';

export interface NonDominatedSortOptions {
  /**
   * Each point's total constraint violation (0 = feasible), for constrained domination (Deb
   * 2002): every feasible point ranks before every infeasible one, and infeasible points rank by
   * violation alone, equal violations sharing a front. Default: all feasible.
   */
  readonly violations?: readonly number[];
  /**
   * Stop once at least this many points are in fronts (the last front is always whole): a
   * sampler that needs only its best few trials ranked does not pay for ranking the rest.
   * Default: rank everything.
   */
  readonly limit?: number;
}

/**
 * Sorts points into non-dominated fronts: front 0 holds the points no other point dominates,
 * front 1 those dominated only by front 0, and so on (the ranks of NSGA-II). Returns indices into
 * `points`, each front in lexicographic order of its (minimized) vectors.
 *
 * Not Deb's O(m·n²) counting version: fronts are peeled off a lexicographically sorted list, where
 * a point can only be dominated by points before it, so each point is compared with the current
 * front's members only. O(m·n log n) for the sort plus O(m·n·f) per front of size f; O(m·n²) in the
 * worst case, far less when few fronts are wanted (`limit`).
 * @throws {SweepError} code 'INTERNAL' on a vector of the wrong length, a NaN value, or a NaN or
 *   negative violation, or a violations list of the wrong length.
 */
export function nonDominatedSort(points: readonly ObjectiveVector[], directions: readonly Direction[], options: NonDominatedSortOptions = {}): number[][] {
  const { violations, limit = Infinity } = options;
  if (violations !== undefined && violations.length !== points.length) {
    throw new SweepError('INTERNAL', `${violations.length} violations for ${points.length} points`);
  }
  const minimized = points.map((point) => toMinimized(point, directions));
  const feasible: number[] = [];
  const infeasible: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const violation = violations?.[i] ?? 0;
    if (!(violation >= 0)) throw new SweepError('INTERNAL', `violation ${i} is ${violation}; it must be >= 0`);
    (violation > 0 ? infeasible : feasible).push(i);
  }

  const fronts: number[][] = [];
  let placed = 0;
  let remaining = feasible.sort((a, b) => compareLexicographic(minimized[a] as number[], minimized[b] as number[]) || a - b);
  while (remaining.length > 0 && placed < limit) {
    const front: number[] = [];
    const rest: number[] = [];
    for (const i of remaining) {
      // A dominator of i comes before i in this order; if it is not in the front, a front member dominates it, and so i.
      const dominated = front.some((f) => dominatesMinimized(minimized[f] as number[], minimized[i] as number[]));
      (dominated ? rest : front).push(i);
    }
    fronts.push(front);
    placed += front.length;
    remaining = rest;
  }

  if (violations !== undefined) {
    infeasible.sort((a, b) => (violations[a] as number) - (violations[b] as number) || a - b);
    let start = 0;
    while (start < infeasible.length && placed < limit) {
      let end = start + 1;
      while (end < infeasible.length && violations[infeasible[end] as number] === violations[infeasible[start] as number]) end++;
      fronts.push(infeasible.slice(start, end));
      placed += end - start;
      start = end;
    }
  }
  return fronts;
}

/** Each point's front number (its Pareto rank), from nonDominatedSort's fronts; -1 for points not ranked (past `limit`). O(n). */
export function ranksFromFronts(fronts: readonly (readonly number[])[], pointCount: number): number[] {
  const ranks = new Array<number>(pointCount).fill(-1);
  fronts.forEach((front, rank) => {
    for (const i of front) ranks[i] = rank;
  });
  return ranks;
}

function compareLexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
