/** A bound on one reported metric; either side may be absent. */
export interface ConstraintBound {
  readonly min?: number;
  readonly max?: number;
}

/**
 * The total violation of `values` against `bounds` (one value per bound, same order): the sum
 * over constraints of how far the value lies outside [min, max], 0 when feasible. A missing or NaN
 * value counts as infinitely violating: a trial that did not report a constrained metric cannot be
 * shown to satisfy it. Violations in different units are added as they are (Deb 2002 does the
 * same); bounds of very different scales should be normalized by the caller. O(constraints).
 */
export function constraintViolation(values: readonly (number | undefined)[], bounds: readonly ConstraintBound[]): number {
  let total = 0;
  for (let i = 0; i < bounds.length; i++) total += boundViolation(values[i], bounds[i] as ConstraintBound);
  return total;
}

/** How far one value is outside one bound: 0 inside, Infinity when missing or NaN. */
export function boundViolation(value: number | undefined, bound: ConstraintBound): number {
  if (value === undefined || Number.isNaN(value)) return Infinity;
  let violation = 0;
  if (bound.min !== undefined && value < bound.min) violation += bound.min - value;
  if (bound.max !== undefined && value > bound.max) violation += value - bound.max;
  return violation;
}
