import { SweepError } from '../errors/sweep-error.js';
import type { Direction } from '../trial/frozen-trial.js';
import { dominatesMinimized } from './dominance.js';
import { toMinimized, type ObjectiveVector } from './objective-vector.js';

/**
 * The hypervolume of `points` against `reference`: the measure of the region that some point
 * dominates and that dominates the reference point, each objective in its own direction. Points
 * not strictly better than the reference in every objective add nothing and are dropped. Exact:
 * - 1 objective: the distance from the best point to the reference, O(n);
 * - 2 objectives: sort and sweep the staircase, O(n log n);
 * - 3 or more: "hypervolume by slicing objectives" (While et al. 2006) on the last objective, each
 *   slab's (m−1)-dimensional hypervolume computed the same way over the non-dominated points
 *   seen so far, down to the 2-objective sweep: O(n^(m−1) log n), fine for a few hundred points
 *   with 3 objectives and for tens to a hundred with 4–5.
 * @throws {SweepError} code 'INTERNAL' when a vector or the reference has the wrong length, or
 *   holds NaN, or the reference is not finite.
 */
export function hypervolume(points: readonly ObjectiveVector[], reference: ObjectiveVector, directions: readonly Direction[]): number {
  const ref = toMinimized(reference, directions);
  if (!ref.every(Number.isFinite)) throw new SweepError('INTERNAL', `the hypervolume reference point must be finite (got ${reference.join(', ')})`);
  return hypervolumeMinimized(insideReference(points, ref, directions), ref);
}

/** The minimized points strictly better than `ref` in every objective: the only ones that add volume. */
export function insideReference(points: readonly ObjectiveVector[], ref: readonly number[], directions: readonly Direction[]): number[][] {
  const inside: number[][] = [];
  for (const point of points) {
    const minimized = toMinimized(point, directions);
    if (minimized.every((value, i) => value < (ref[i] as number))) inside.push(minimized);
  }
  return inside;
}

/** The hypervolume of minimized points that all lie strictly inside the reference box. */
export function hypervolumeMinimized(points: readonly (readonly number[])[], ref: readonly number[]): number {
  if (points.length === 0) return 0;
  const m = ref.length;
  if (m === 1) return (ref[0] as number) - Math.min(...points.map((p) => p[0] as number));
  if (m === 2) return hypervolume2d(points, ref);
  return sliceLastObjective(points, ref);
}

function hypervolume2d(points: readonly (readonly number[])[], ref: readonly number[]): number {
  const sorted = points.slice().sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
  const refX = ref[0] as number;
  let lowestY = ref[1] as number;
  let volume = 0;
  for (const [x, y] of sorted as [number, number][]) {
    // In x order, a point adds the strip below everything seen so far; a dominated one adds nothing.
    if (y < lowestY) {
      volume += (refX - x) * (lowestY - y);
      lowestY = y;
    }
  }
  return volume;
}

function sliceLastObjective(points: readonly (readonly number[])[], ref: readonly number[]): number {
  const last = ref.length - 1;
  const sorted = points.slice().sort((a, b) => (a[last] as number) - (b[last] as number));
  const lowerRef = ref.slice(0, last);
  let front: number[][] = [];
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const point = sorted[i] as number[];
    const projected = point.slice(0, last);
    // Only the non-dominated projections shape the slab; keeping the set small keeps the recursion cheap.
    if (!front.some((q) => weaklyDominates(q, projected))) {
      front = front.filter((q) => !weaklyDominates(projected, q));
      front.push(projected);
    }
    const top = i + 1 < sorted.length ? ((sorted[i + 1] as number[])[last] as number) : (ref[last] as number);
    const height = top - (point[last] as number);
    if (height > 0) volume += height * hypervolumeMinimized(front, lowerRef);
  }
  return volume;
}

function weaklyDominates(a: readonly number[], b: readonly number[]): boolean {
  return dominatesMinimized(a, b) || a.every((value, i) => value === b[i]);
}
