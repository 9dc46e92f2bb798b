/** How numbers, durations and times read on the page (one place, so every view agrees). */
import type { ParamValue } from '../api/types';
import { formatDuration } from '../../../src/api/format-duration';

/** 4 significant digits; exponent form for very large or small magnitudes; '—' for none. */
export function formatNumber(value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (value === null || Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}

export function formatParam(value: ParamValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

export { formatDuration };

/** Local date and time to the second, ISO-like so it sorts and reads the same everywhere. */
export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined) return '—';
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export const formatPercent = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);
