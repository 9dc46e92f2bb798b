/** Eager checks of the distributed options, with messages that name the option (as piscina does). */

/** @throws {RangeError} `${name} must be a whole number ≥ ${least}, got …` */
export function checkWhole(name: string, value: number | undefined, least: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= least)) throw new RangeError(`${name} must be a whole number ≥ ${least}, got ${value}`);
}
