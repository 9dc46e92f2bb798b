import { SweepError } from '../errors/sweep-error.js';
import type { Direction } from '../trial/frozen-trial.js';
import type { ObjectiveVector } from './objective-vector.js';

/** The share of an objective's observed range the default reference point lies beyond the worst value. */
export const REFERENCE_MARGIN = 0.1;

/**
 * The reference point to use when the spec gives none: for each objective, the worst value among
 * `points` moved a further 10% of the objective's range (worst − best) in the worse direction, so
 * that the worst points still add some volume. When an objective's range is 0 the offset is 10%
 * of |worst|, or 1 when that is 0 too. Pass the feasible trials' vectors: an infeasible outlier
 * must not stretch the box. O(m·n).
 * @throws {SweepError} code 'INTERNAL' when there are no points or a value is not finite.
 */
export function defaultReferencePoint(points: readonly ObjectiveVector[], directions: readonly Direction[]): number[] {
  if (points.length === 0) throw new SweepError('INTERNAL', 'a reference point needs at least one point');
  return directions.map((direction, k) => {
    const values = points.map((point) => {
      const value = point[k];
      if (value === undefined || !Number.isFinite(value)) throw new SweepError('INTERNAL', `objective ${k} has a non-finite value (${String(value)})`);
      return value;
    });
    const low = Math.min(...values);
    const high = Math.max(...values);
    const worst = direction === 'minimize' ? high : low;
    const range = high - low;
    const offset = range > 0 ? REFERENCE_MARGIN * range : Math.abs(worst) > 0 ? REFERENCE_MARGIN * Math.abs(worst) : 1;
    return direction === 'minimize' ? worst + offset : worst - offset;
  });
}
