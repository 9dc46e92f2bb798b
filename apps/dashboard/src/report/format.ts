/** How numbers read in a report: the rules of `sweep compare`'s table, so the two agree digit for digit. */
import { formatNumber, formatParamValue, type ParamValue } from '@loopsweep/core';
import { formatDuration } from '../api/format-duration.js';

export { formatNumber };

export const formatParam = formatParamValue;

export const formatParams = (params: Readonly<Record<string, ParamValue>>): string =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${formatParam(value)}`)
    .join(' ');

export { formatDuration };

/** UTC, to the second: a report is read in other time zones than it was written in. */
export const formatTime = (epochMs: number | undefined): string =>
  epochMs === undefined ? '—' : `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/** A JSON value on one line, for a table cell. */
export const compactJson = (value: unknown): string => (value === null || value === undefined ? '—' : JSON.stringify(value));
