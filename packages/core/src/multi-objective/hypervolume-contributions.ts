import { SweepError } from '../errors/sweep-error.js';
import type { Direction } from '../trial/frozen-trial.js';
import { hypervolumeMinimized } from './hypervolume.js';
import { toMinimized, type ObjectiveVector } from './objective-vector.js';

/**
 * Each point's exclusive hypervolume contribution: how much the hypervolume of all `points`
 * against `reference` drops when that point alone is removed. Dominated points, duplicates and
 * points outside the reference box contribute 0.
 * - 2 objectives: from the sorted staircase directly, each front point's rectangle between its
 *   neighbours, O(n log n);
 * - 3 or more: the total minus the hypervolume without each point, computed only for points that
 *   could contribute: (n + 1) hypervolume computations (see hypervolume for their cost).
 * @throws {SweepError} code 'INTERNAL' on a wrong length, a NaN, or a non-finite reference.
 */
export function hypervolumeContributions(points: readonly ObjectiveVector[], reference: ObjectiveVector, directions: readonly Direction[]): number[] {
  const ref = toMinimized(reference, directions);
  if (!ref.every(Number.isFinite)) throw new SweepError('INTERNAL', `the hypervolume reference point must be finite (got ${reference.join(', ')})`);
  const minimized = points.map((point) => toMinimized(point, directions));
  const inside = minimized.map((point) => point.every((value, i) => value < (ref[i] as number)));
  const contributions = new Array<number>(points.length).fill(0);
  const candidates = minimized.flatMap((_, i) => (inside[i] ? [i] : []));
  if (candidates.length === 0) return contributions;

  if (ref.length === 2) {
    contributions2d(minimized, candidates, ref, contributions);
    return contributions;
  }
  const all = candidates.map((i) => minimized[i] as number[]);
  const total = hypervolumeMinimized(all, ref);
  candidates.forEach((i, k) => {
    const without = all.filter((_, j) => j !== k);
    // The difference of two sums can come out a hair below 0 for a point that adds nothing.
    contributions[i] = Math.max(0, total - hypervolumeMinimized(without, ref));
  });
  return contributions;
}

function contributions2d(minimized: readonly number[][], candidates: readonly number[], ref: readonly number[], out: number[]): void {
  const sorted = candidates.slice().sort((a, b) => {
    const [ax, ay] = minimized[a] as [number, number];
    const [bx, by] = minimized[b] as [number, number];
    return ax - bx || ay - by;
  });
  // The staircase: points with a strictly lower y than every point before them in x order. The
  // rest are weakly dominated by a stair point and contribute nothing.
  const stairs: number[] = [];
  let lowestY = ref[1] as number;
  for (const i of sorted) {
    const y = (minimized[i] as number[])[1] as number;
    if (y < lowestY) {
      stairs.push(i);
      lowestY = y;
    }
  }
  for (let s = 0; s < stairs.length; s++) {
    const i = stairs[s] as number;
    const [x, y] = minimized[i] as [number, number];
    // Only this stair covers the box up to its neighbours' corners...
    const nextX = s + 1 < stairs.length ? ((minimized[stairs[s + 1] as number] as number[])[0] as number) : (ref[0] as number);
    const previousY = s > 0 ? ((minimized[stairs[s - 1] as number] as number[])[1] as number) : (ref[1] as number);
    // ...less what the points it dominates (or duplicates) cover there, which stays covered without it.
    const inBox: number[][] = [];
    for (const j of candidates) {
      if (j === i) continue;
      const [xj, yj] = minimized[j] as [number, number];
      if (xj < nextX && yj < previousY) inBox.push([Math.max(xj, x), Math.max(yj, y)]);
    }
    out[i] = (nextX - x) * (previousY - y) - hypervolumeMinimized(inBox, [nextX, previousY]);
  }
}
