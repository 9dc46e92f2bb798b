/** Sorting the trials table by a column; trials without a value for it go last in either order. */
import type { TrialRow } from '../api/types';

export type SortKey = 'number' | 'state' | 'value' | 'duration' | 'lastStep' | `param:${string}`;
export interface TrialSort {
  readonly key: SortKey;
  readonly order: 'asc' | 'desc';
}

export const DEFAULT_SORT: TrialSort = { key: 'number', order: 'asc' };

export function durationOf(trial: TrialRow): number | undefined {
  return trial.startedAt !== undefined && trial.finishedAt !== undefined ? trial.finishedAt - trial.startedAt : undefined;
}

function sortValue(trial: TrialRow, key: SortKey): number | string | undefined {
  switch (key) {
    case 'number':
      return trial.number;
    case 'state':
      return trial.state;
    case 'value':
      return trial.value !== undefined && Number.isFinite(trial.value) ? trial.value : undefined;
    case 'duration':
      return durationOf(trial);
    case 'lastStep':
      return trial.lastStep;
    default: {
      const value = trial.params[key.slice('param:'.length)];
      return typeof value === 'boolean' ? String(value) : value;
    }
  }
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function sortTrials(trials: readonly TrialRow[], sort: TrialSort): readonly TrialRow[] {
  if (sort.key === 'number' && sort.order === 'asc') return trials;
  const sign = sort.order === 'asc' ? 1 : -1;
  return [...trials].sort((x, y) => {
    const a = sortValue(x, sort.key);
    const b = sortValue(y, sort.key);
    if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? x.number - y.number : 1) : -1;
    return sign * compare(a, b) || x.number - y.number;
  });
}
