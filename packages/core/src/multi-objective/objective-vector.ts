import { SweepError } from '../errors/sweep-error.js';
import type { Direction } from '../trial/frozen-trial.js';

/** One trial's objective values, in the order of the sweep's `directions`. */
export type ObjectiveVector = readonly number[];

/**
 * The vector with every maximized objective negated, so that smaller is better everywhere. The
 * Pareto code works on these internally: one comparison rule instead of one per direction. O(m).
 * @throws {SweepError} code 'INTERNAL' when the lengths differ or a value is NaN (a NaN is neither
 *   better nor worse than anything, so it would make dominance intransitive).
 */
export function toMinimized(values: ObjectiveVector, directions: readonly Direction[]): number[] {
  if (values.length !== directions.length) {
    throw new SweepError('INTERNAL', `an objective vector has ${values.length} values for ${directions.length} objectives`);
  }
  return values.map((value, i) => {
    if (Number.isNaN(value)) throw new SweepError('INTERNAL', `objective ${i} is NaN`);
    return directions[i] === 'maximize' ? -value : value;
  });
}
