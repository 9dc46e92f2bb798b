import { SpecError, type SpecProblem } from '../errors/spec-error.js';

/**
 * Option checks for samplers. Paths are the spec's (`sampler.n_ei_candidates`) because that is
 * where a user fixes a bad value, as the pruners do.
 */
export function integerAtLeast(path: string, value: number, min: number): SpecProblem[] {
  return Number.isSafeInteger(value) && value >= min ? [] : [{ path, message: `must be an integer >= ${min} (got ${value})` }];
}

/** A problem when `value` is not a number in (0, max] (`max` may be Infinity). */
export function positiveAtMost(path: string, value: number, max = Infinity): SpecProblem[] {
  const ok = Number.isFinite(value) && value > 0 && value <= max;
  return ok ? [] : [{ path, message: `must be a number > 0${max === Infinity ? '' : ` and <= ${max}`} (got ${value})` }];
}

/** Seeds are mixed as 32-bit words, but any safe integer (negative too) is accepted. */
export function seedProblems(seed: number): SpecProblem[] {
  return Number.isSafeInteger(seed) ? [] : [{ path: 'sampler.seed', message: `must be an integer (got ${seed})` }];
}

/** @throws {SpecError} listing every problem, when there is any. */
export function throwIfAny(problems: readonly SpecProblem[]): void {
  if (problems.length > 0) throw new SpecError(problems);
}
