import { describe, expect, it } from 'vitest';
import { sortTrials } from './trial-sort';
import { row } from './trial-rows.test-support';

const trials = [
  row(0, { value: 0.5, params: { units: 64, cell: 'lstm' }, startedAt: 0, finishedAt: 300 }),
  row(1, { state: 'RUNNING', params: { units: 16, cell: 'gru' }, startedAt: 10 }),
  row(2, { value: 0.9, params: { units: 128, cell: 'gru' }, startedAt: 0, finishedAt: 100 }),
  row(3, { value: 0.5, params: { cell: 'simple' }, startedAt: 0, finishedAt: 200 }),
];
const numbers = (rows: readonly { number: number }[]) => rows.map((t) => t.number);

describe('sortTrials', () => {
  it('sorts by value either way, trials without one last, ties by number', () => {
    expect(numbers(sortTrials(trials, { key: 'value', order: 'desc' }))).toEqual([2, 0, 3, 1]);
    expect(numbers(sortTrials(trials, { key: 'value', order: 'asc' }))).toEqual([0, 3, 2, 1]);
  });

  it('sorts by a numeric param numerically and a text param alphabetically', () => {
    expect(numbers(sortTrials(trials, { key: 'param:units', order: 'asc' }))).toEqual([1, 0, 2, 3]);
    expect(numbers(sortTrials(trials, { key: 'param:cell', order: 'asc' }))).toEqual([1, 2, 0, 3]);
  });

  it('sorts by duration; running trials have none', () => {
    expect(numbers(sortTrials(trials, { key: 'duration', order: 'asc' }))).toEqual([2, 3, 0, 1]);
  });

  it('sorts by number descending', () => {
    expect(numbers(sortTrials(trials, { key: 'number', order: 'desc' }))).toEqual([3, 2, 1, 0]);
  });
});
