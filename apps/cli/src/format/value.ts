import type { ParamValue } from '@loopsweep/core';

/**
 * A metric or parameter number in at most ~6 significant digits: 0.9512, 0.000123 → 1.230e-4,
 * 123456 → 123456, 1e9 → 1.000e+9. Integers print as integers. Undefined prints "—".
 */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e7)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

export function formatParamValue(value: ParamValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/** `cell=gru optimizer=adam lr=3.162e-3` in the given order (default: the object's order). */
export function formatParams(params: Readonly<Record<string, ParamValue>>, order?: readonly string[]): string {
  const names = order ? [...order.filter((n) => n in params), ...Object.keys(params).filter((n) => !order.includes(n))] : Object.keys(params);
  return names.map((name) => `${name}=${formatParamValue(params[name])}`).join(' ');
}
