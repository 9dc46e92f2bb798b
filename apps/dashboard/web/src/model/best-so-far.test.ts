import { describe, expect, it } from 'vitest';
import { bestSoFar } from './best-so-far';
import { row } from './trial-rows.test-support';

describe('bestSoFar', () => {
  const trials = [
    row(2, { value: 0.7 }),
    row(0, { value: 0.5 }),
    row(1, { state: 'PRUNED', value: 0.9 }),
    row(3, { value: 0.6 }),
    row(4, { value: Number.NaN }),
  ];

  it('follows the best COMPLETE value in number order when maximizing', () => {
    expect(bestSoFar(trials, 'maximize')).toEqual([
      [0, 0.5],
      [2, 0.7],
      [3, 0.7],
    ]);
  });

  it('follows the lowest when minimizing', () => {
    expect(bestSoFar(trials, 'minimize')).toEqual([
      [0, 0.5],
      [2, 0.5],
      [3, 0.5],
    ]);
  });
});
