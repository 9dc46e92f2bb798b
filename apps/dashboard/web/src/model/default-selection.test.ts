import { describe, expect, it } from 'vitest';
import { defaultCurveSelection } from './default-selection';
import { row } from './trial-rows.test-support';

describe('defaultCurveSelection', () => {
  const trials = [
    row(0, { value: 0.2 }),
    row(1, { value: 0.9 }),
    row(2, { state: 'PRUNED', value: 0.1 }),
    row(3, { value: 0.5 }),
    row(4, { state: 'PRUNED' }),
    row(5, { state: 'RUNNING' }),
    row(6, { state: 'FAILED' }),
  ];

  it('takes the best completed, the latest pruned and the running trials, in number order', () => {
    expect(defaultCurveSelection(trials, 'maximize', 2, 1, 1)).toEqual([1, 3, 4, 5]);
    expect(defaultCurveSelection(trials, 'minimize', 2, 2, 0)).toEqual([0, 2, 3, 4]);
  });

  it('is empty for a sweep without trials', () => {
    expect(defaultCurveSelection([], 'maximize')).toEqual([]);
  });
});
