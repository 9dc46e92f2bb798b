/**
 * How a metric or parameter number reads wherever people see it: the CLI's tables and the sweep
 * report use this one rule, so a report and `sweep compare` agree digit for digit.
 */
import type { ParamValue } from '../search-space/distributions.js';

/**
 * At most ~6 significant digits: 0.9512, 0.000123 → 1.230e-4, 123456 → 123456, 1e9 → 1.000e+9.
 * Integers print as integers; NaN, Inf and -Inf as such; undefined or null as "—".
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === undefined || value === null) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** A parameter's value: numbers by formatNumber, other values as they are, undefined as "—". */
export function formatParamValue(value: ParamValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}
