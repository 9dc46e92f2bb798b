/**
 * The trials table's filter: by state, and per parameter either a set of values (categorical) or
 * a range (numeric). Applied in the browser to the trials already loaded, so typing in a filter
 * answers at once even with 10,000 rows.
 */
import type { ParamValue, TrialRow, TrialState } from '../api/types';

export type ParamFilter =
  { readonly kind: 'values'; readonly values: readonly string[] } | { readonly kind: 'range'; readonly min?: number; readonly max?: number };

export interface TrialFilter {
  /** Empty: every state. */
  readonly states: readonly TrialState[];
  readonly params: Readonly<Record<string, ParamFilter>>;
  /** Only these trial numbers (the ranges brushed in the parallel coordinates); absent: all. */
  readonly numbers?: readonly number[];
}

export const NO_FILTER: TrialFilter = { states: [], params: {} };

/** The text a categorical value is compared and shown as (true, 0.5, adam). */
export const valueKey = (value: ParamValue | undefined): string => (value === undefined ? '' : String(value));

function matchesParam(value: ParamValue | undefined, filter: ParamFilter): boolean {
  if (filter.kind === 'values') return filter.values.length === 0 || (value !== undefined && filter.values.includes(valueKey(value)));
  if (filter.min === undefined && filter.max === undefined) return true;
  if (typeof value !== 'number') return false;
  return (filter.min === undefined || value >= filter.min) && (filter.max === undefined || value <= filter.max);
}

export function isFilterActive(filter: TrialFilter): boolean {
  return (
    filter.states.length > 0 ||
    filter.numbers !== undefined ||
    Object.values(filter.params).some((f) => (f.kind === 'values' ? f.values.length > 0 : f.min !== undefined || f.max !== undefined))
  );
}

export function filterTrials(trials: readonly TrialRow[], filter: TrialFilter): readonly TrialRow[] {
  if (!isFilterActive(filter)) return trials;
  const params = Object.entries(filter.params);
  const numbers = filter.numbers ? new Set(filter.numbers) : undefined;
  return trials.filter(
    (trial) =>
      (filter.states.length === 0 || filter.states.includes(trial.state)) &&
      (numbers === undefined || numbers.has(trial.number)) &&
      params.every(([name, f]) => matchesParam(trial.params[name], f)),
  );
}
