/**
 * Job data, progress and results travel as JSON, which has no NaN or ±Infinity (JSON.stringify
 * writes null). A diverged loss or an objective returning NaN is data loopsweep records, so
 * non-finite numbers travel as `{ "$number": "NaN" }` and are read back as numbers.
 */
const NON_FINITE = '$number';

/** A deep copy of `value` that JSON carries faithfully. */
export function toWire(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [NON_FINITE]: String(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value;
}

/** The inverse of toWire. */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === NON_FINITE) return Number(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
}
