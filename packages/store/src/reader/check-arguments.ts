/**
 * Checks of what callers pass the read API. The dashboard passes values from query strings, so
 * each is checked eagerly with an exact message, and nothing but these checked values reaches
 * SQL text (values are always bound parameters).
 */

/** @throws {RangeError} "<name> must be a non-negative integer (got <value>)". */
export function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
    throw new RangeError(`${name} must be a non-negative integer (got ${String(value)})`);
}

/** @throws {RangeError} "<name> must be a positive integer (got <value>)". */
export function checkPositive(name: string, value: number): void {
  if (!(Number.isSafeInteger(value) && value > 0)) throw new RangeError(`${name} must be a positive integer (got ${String(value)})`);
}

/** @throws {RangeError} "<name> must be one of a, b, c (got 'x')". */
export function checkOneOf<T extends string>(name: string, value: string, allowed: readonly T[]): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** @throws {RangeError} "<name> must be a finite number (got <value>)". */
export function checkFinite(name: string, value: number): void {
  if (!(typeof value === 'number' && Number.isFinite(value))) throw new RangeError(`${name} must be a finite number (got ${String(value)})`);
}
