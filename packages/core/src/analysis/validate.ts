/**
 * Eager checks shared by the bootstrap helpers and the verdicts, with exact messages (tested), so
 * a bad call fails at once instead of yielding NaN verdicts.
 */

/** @throws RangeError `confidence must be a number in (0, 1), got X` */
export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be a number in (0, 1), got ${confidence}`);
}

/** @throws RangeError `resamples must be an integer >= 100, got X` */
export function assertResamples(resamples: number): void {
  if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError(`resamples must be an integer >= 100, got ${resamples}`);
}

/** @throws RangeError `seed must be an integer, got X` */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
}

/** @throws RangeError `PATH[i] must be a finite number, got X` */
export function assertFinite(values: readonly number[], path: string): void {
  values.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${path}[${i}] must be a finite number, got ${value}`);
  });
}

/** A group of scores, one per replicate (verdict) or per completed trial (exploratory summary). */
export interface ScoredGroup {
  /** The strategy's value as shown to people, e.g. `adam`; unique within one call. */
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * @throws RangeError `groups must not be empty`, `groups[i].label must be unique, "L" appears more
 *   than once`, or `groups[i].values[j] must be a finite number, got X`
 */
export function assertGroups(groups: readonly ScoredGroup[]): void {
  if (groups.length === 0) throw new RangeError('groups must not be empty');
  const seen = new Set<string>();
  groups.forEach((group, i) => {
    if (seen.has(group.label)) throw new RangeError(`groups[${i}].label must be unique, "${group.label}" appears more than once`);
    seen.add(group.label);
    assertFinite(group.values, `groups[${i}].values`);
  });
}

/** @throws RangeError `NAME must be an integer >= MIN, got X` */
export function assertMinCount(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}
