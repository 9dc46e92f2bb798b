/** How numbers read in a report: the rules of `sweep compare`'s table, so the two agree digit for digit. */
import { formatNumber, formatParamValue, type ParamValue } from '@loopsweep/core';

export { formatNumber };

export const formatParam = formatParamValue;

export const formatParams = (params: Readonly<Record<string, ParamValue>>): string =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${formatParam(value)}`)
    .join(' ');

/** 850 ms, 12.3 s, 4m 05s, 2h 10m. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** UTC, to the second: a report is read in other time zones than it was written in. */
export const formatTime = (epochMs: number | undefined): string =>
  epochMs === undefined ? '—' : `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/** A JSON value on one line, for a table cell. */
export const compactJson = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value));
