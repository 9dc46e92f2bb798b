import { describe, expect, it } from 'vitest';
import { filterTrials, isFilterActive, NO_FILTER } from './trial-filter';
import { row } from './trial-rows.test-support';

const trials = [
  row(0, { params: { optimizer: 'adam', lr: 0.01, bidirectional: true } }),
  row(1, { params: { optimizer: 'sgd', lr: 0.1, bidirectional: false }, state: 'PRUNED' }),
  row(2, { params: { optimizer: 'adam', lr: 0.001 }, state: 'FAILED' }),
  row(3, { params: { optimizer: 'rmsprop', lr: 0.05, momentum: 0.9 } }),
];
const numbers = (rows: readonly { number: number }[]) => rows.map((t) => t.number);

describe('filterTrials', () => {
  it('keeps everything without a filter', () => {
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(filterTrials(trials, NO_FILTER)).toBe(trials);
  });

  it('filters by state', () => {
    expect(numbers(filterTrials(trials, { states: ['PRUNED', 'FAILED'], params: {} }))).toEqual([1, 2]);
  });

  it('filters a categorical param by one or more values, booleans by their text', () => {
    expect(numbers(filterTrials(trials, { states: [], params: { optimizer: { kind: 'values', values: ['adam'] } } }))).toEqual([0, 2]);
    expect(numbers(filterTrials(trials, { states: [], params: { optimizer: { kind: 'values', values: ['sgd', 'rmsprop'] } } }))).toEqual([1, 3]);
    expect(numbers(filterTrials(trials, { states: [], params: { bidirectional: { kind: 'values', values: ['false'] } } }))).toEqual([1]);
  });

  it('filters a numeric param by an inclusive range; an inactive param never matches', () => {
    expect(numbers(filterTrials(trials, { states: [], params: { lr: { kind: 'range', min: 0.01, max: 0.05 } } }))).toEqual([0, 3]);
    expect(numbers(filterTrials(trials, { states: [], params: { momentum: { kind: 'range', min: 0 } } }))).toEqual([3]);
  });

  it('keeps only the brushed trial numbers', () => {
    expect(numbers(filterTrials(trials, { states: [], params: {}, numbers: [3, 1] }))).toEqual([1, 3]);
    expect(filterTrials(trials, { states: [], params: {}, numbers: [] })).toEqual([]);
  });

  it('combines state and param filters', () => {
    expect(numbers(filterTrials(trials, { states: ['COMPLETE'], params: { optimizer: { kind: 'values', values: ['adam'] } } }))).toEqual([0]);
  });
});
