import type { Direction } from '../trial/frozen-trial.js';
import { toMinimized, type ObjectiveVector } from './objective-vector.js';

/**
 * Whether `a` Pareto-dominates `b`: no worse in any objective and strictly better in at least one,
 * each objective in its own direction. Equal vectors do not dominate each other. O(m).
 * @throws {SweepError} code 'INTERNAL' on a length mismatch or a NaN value.
 */
export function dominates(a: ObjectiveVector, b: ObjectiveVector, directions: readonly Direction[]): boolean {
  return dominatesMinimized(toMinimized(a, directions), toMinimized(b, directions));
}

/**
 * Deb et al. (2002)'s constrained domination: a feasible vector (violation 0) beats an infeasible
 * one; of two infeasible ones the smaller total violation wins, whatever the objectives say; two
 * feasible ones compare by Pareto dominance. O(m).
 * @throws {SweepError} code 'INTERNAL' on a length mismatch or a NaN value.
 */
export function constrainedDominates(
  a: ObjectiveVector,
  violationA: number,
  b: ObjectiveVector,
  violationB: number,
  directions: readonly Direction[],
): boolean {
  if (violationA > 0 || violationB > 0) return violationA < violationB;
  return dominates(a, b, directions);
}

/** Pareto dominance on vectors already turned into minimization (see toMinimized). O(m). */
export function dominatesMinimized(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x > y) return false;
    if (x < y) strictly = true;
  }
  return strictly;
}
