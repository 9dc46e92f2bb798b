import { SpecError, type SpecProblem } from '../errors/spec-error.js';

/** A problem when `value` is not an integer ≥ `min`; paths are the spec's (`pruner.min_epochs`). */
export function integerAtLeast(path: string, value: number, min: number, minName = String(min)): SpecProblem[] {
  return Number.isInteger(value) && value >= min ? [] : [{ path, message: `must be an integer >= ${minName} (got ${value})` }];
}

/** @throws {SpecError} listing every problem, when there is any. */
export function throwIfAny(problems: readonly SpecProblem[]): void {
  if (problems.length > 0) throw new SpecError(problems);
}
