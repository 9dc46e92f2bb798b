import { hypervolumeContributions } from '../hypervolume-contributions.js';
import { hypervolumeMinimized } from '../hypervolume.js';

/** What stands in for a 0 in MOTPE's reference point, and the floor every good trial's contribution gets. */
export const MOTPE_EPS = 1e-12;

/**
 * MOTPE's reference point for a set of minimized vectors (Optuna 3.1's rule): per objective the
 * worst value w moved outward by 10% of |w| (max(1.1·w, 0.9·w)), and 0 replaced by a tiny positive
 * number, so every point lies strictly inside the box. Unlike defaultReferencePoint it depends on
 * the set's worst values only, not on its range. O(m·n).
 */
export function motpeReferencePoint(minimized: readonly (readonly number[])[]): number[] {
  const m = (minimized[0] as readonly number[]).length;
  const reference: number[] = [];
  for (let k = 0; k < m; k++) {
    let worst = -Infinity;
    for (const point of minimized) worst = Math.max(worst, point[k] as number);
    const value = Math.max(1.1 * worst, 0.9 * worst);
    reference.push(value === 0 ? MOTPE_EPS : value);
  }
  return reference;
}

/**
 * Greedy hypervolume subset selection by addition (the 1 − 1/e approximation of Guerreiro et al.
 * 2016, the one Optuna 3.1's MOTPE uses to cut its last good front): start empty and add, `count`
 * times, the point that adds the most hypervolume to those already chosen. A point's gain given
 * the chosen set S is its box's volume less what S already covers of it, the hypervolume of
 * { max(p, s) : s ∈ S }. For 3 or more objectives, gains only shrink as S grows (submodularity),
 * so they are recomputed lazily: a stale gain is an upper bound, and a point whose fresh gain still
 * tops every other bound is the greedy choice. Ties go to the lower index.
 *
 * `minimized` must lie strictly inside `reference`. For 2 objectives each gain is one sweep over
 * the c chosen points and all are recomputed each round (see greedy2d); for more, each is one
 * hypervolume of c points, recomputed lazily, a few dozen to a few hundred per cut in practice.
 * @returns indices into `minimized`, ascending.
 */
export function greedyHypervolumeSubset(minimized: readonly (readonly number[])[], count: number, reference: readonly number[]): number[] {
  const n = minimized.length;
  if (count >= n) return minimized.map((_, i) => i);
  const m = reference.length;
  const box = new Float64Array(n);
  const bound = new Float64Array(n);
  // The round in which each bound was computed: fresh when it equals the number chosen so far.
  const freshAt = new Int32Array(n);
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const point = minimized[i] as readonly number[];
    let volume = 1;
    for (let k = 0; k < m; k++) volume *= (reference[k] as number) - (point[k] as number);
    box[i] = volume;
    bound[i] = volume;
  }
  if (m === 2) return greedy2d(minimized, count, reference, taken, chosen);
  const covered: number[][] = [];
  while (chosen.length < count) {
    for (;;) {
      let best = -1;
      for (let i = 0; i < n; i++) if (taken[i] === 0 && (best < 0 || (bound[i] as number) > (bound[best] as number))) best = i;
      if (freshAt[best] === chosen.length) {
        taken[best] = 1;
        chosen.push(best);
        break;
      }
      const point = minimized[best] as readonly number[];
      covered.length = 0;
      for (const s of chosen) {
        const other = minimized[s] as readonly number[];
        covered.push(point.map((value, k) => Math.max(value, other[k] as number)));
      }
      bound[best] = (box[best] as number) - hypervolumeMinimized(covered, reference);
      freshAt[best] = chosen.length;
    }
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * The greedy for 2 objectives, where a gain is one sweep over the chosen points (gain2d): every
 * gain recomputed each round, O(count · n · count) in all, cheaper here than the lazy scheme's
 * bookkeeping. Ties go to the lower index.
 */
function greedy2d(minimized: readonly (readonly number[])[], count: number, reference: readonly number[], taken: Uint8Array, chosen: number[]): number[] {
  const n = minimized.length;
  const refX = reference[0] as number;
  const refY = reference[1] as number;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = (minimized[i] as readonly number[])[0] as number;
    py[i] = (minimized[i] as readonly number[])[1] as number;
  }
  // The chosen points sorted by x.
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  while (chosen.length < count) {
    const size = chosen.length;
    let best = -1;
    let bestGain = -Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i] === 1) continue;
      const g = gain2d(px[i] as number, py[i] as number, xs, ys, size, refX, refY);
      if (g > bestGain) {
        best = i;
        bestGain = g;
      }
    }
    taken[best] = 1;
    chosen.push(best);
    const x = px[best] as number;
    let at = size;
    while (at > 0 && (xs[at - 1] as number) > x) {
      xs[at] = xs[at - 1] as number;
      ys[at] = ys[at - 1] as number;
      at--;
    }
    xs[at] = x;
    ys[at] = py[best] as number;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * The area of the box from (x, y) to the reference that the first `size` chosen points (sorted by x) leave
 * uncovered: the gain of adding (x, y), swept along x. At each x the chosen points at or left of
 * it cover everything above the lowest of their y. O(|S|).
 */
function gain2d(x: number, y: number, xs: Float64Array, ys: Float64Array, size: number, refX: number, refY: number): number {
  let area = 0;
  let lowest = refY;
  let from = x;
  for (let s = 0; s < size; s++) {
    const sx = xs[s] as number;
    if (sx >= refX) break;
    if (sx > from) {
      area += (sx - from) * Math.max(0, lowest - y);
      from = sx;
    }
    lowest = Math.min(lowest, ys[s] as number);
  }
  return area + (refX - from) * Math.max(0, lowest - y);
}

/**
 * MOTPE's weights for its good trials (Optuna 3.1): each trial's exclusive hypervolume
 * contribution within the good set, against motpeReferencePoint of the good set, plus a tiny floor,
 * divided by the largest, so the trial that adds the most weighs 1 and a dominated one next to
 * nothing. One good trial weighs 1. With a non-finite value anywhere no box can be drawn: every
 * trial weighs 1 then. (n + 1) hypervolumes of n points for 3+ objectives, O(n log n) for 2.
 */
export function hypervolumeWeights(minimized: readonly (readonly number[])[]): number[] {
  const n = minimized.length;
  if (n === 0) return [];
  if (n === 1 || !minimized.every((point) => point.every(Number.isFinite))) return new Array<number>(n).fill(1);
  const reference = motpeReferencePoint(minimized);
  const directions = reference.map(() => 'minimize' as const);
  const contributions = hypervolumeContributions(minimized, reference, directions).map((c) => c + MOTPE_EPS);
  const largest = Math.max(...contributions);
  return contributions.map((c) => Math.min(1, Math.max(0, c / largest)));
}
