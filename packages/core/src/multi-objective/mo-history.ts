import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';
import type { ObjectiveVector } from './objective-vector.js';

/**
 * How a multi-objective sampler reads the history. FrozenTrial has one `value` today; until the
 * store records a vector per trial, the caller says where each trial's objectives (and constraint
 * values) are.
 */
export interface MultiObjectiveHistory {
  /** One direction per objective; at least one. */
  readonly directions: readonly Direction[];
  /** The trial's objective values (same order as `directions`), or undefined when it has none to give. */
  valuesOf(trial: FrozenTrial): ObjectiveVector | undefined;
  /**
   * The trial's violation of each constraint (0 = satisfied, else how far outside its bounds; see
   * boundViolation), or undefined when unknown. Absent: an unconstrained sweep. A list per
   * constraint, not one total, because c-TPE models each constraint on its own; the total, for
   * constrained domination, is the sum.
   */
  violationsOf?(trial: FrozenTrial): readonly number[] | undefined;
}

/** A COMPLETE trial with a usable objective vector. */
export interface Observation {
  readonly trial: FrozenTrial;
  readonly values: ObjectiveVector;
  /** Per constraint, [] when unconstrained; an unknown constraint value counts as Infinity. */
  readonly violations: readonly number[];
  /** The sum of `violations`: 0 = feasible. */
  readonly violation: number;
}

/**
 * The COMPLETE trials whose vector has one finite-or-infinite, non-NaN value per objective, in
 * number order. PRUNED trials are left out: their vector (if any) is from an earlier step, not
 * comparable with finished ones. O(n·m).
 */
export function observations(trials: readonly FrozenTrial[], history: MultiObjectiveHistory): Observation[] {
  const out: Observation[] = [];
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE') continue;
    const values = history.valuesOf(trial);
    if (values === undefined || values.length !== history.directions.length || values.some(Number.isNaN)) continue;
    const violations = history.violationsOf === undefined ? [] : (history.violationsOf(trial) ?? [Infinity]).map((v) => (v >= 0 ? v : Infinity));
    let violation = 0;
    for (const v of violations) violation += v;
    out.push({ trial, values, violations, violation });
  }
  return out;
}
