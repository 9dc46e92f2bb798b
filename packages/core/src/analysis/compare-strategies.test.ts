import { describe, expect, it } from 'vitest';
import { compareStrategies, type ComparableTrial } from './compare-strategies.js';

let next = 0;
function trial(
  params: Record<string, string | number>,
  state: ComparableTrial['state'],
  value?: number,
  curve: number[] = [],
  failureReason?: string,
): ComparableTrial {
  return {
    number: next++,
    state,
    params,
    ...(value !== undefined ? { value } : {}),
    intermediate: new Map(curve.map((v, i) => [i + 1, v])),
    ...(failureReason ? { failureReason } : {}),
  };
}

describe('compareStrategies', () => {
  const trials = [
    trial({ optimizer: 'adam' }, 'COMPLETE', 0.9, [0.7, 0.9, 0.88]),
    trial({ optimizer: 'adam' }, 'COMPLETE', 0.8, [0.8, 0.79]),
    trial({ optimizer: 'adam' }, 'COMPLETE', 0.95, [0.6, 0.7, 0.95]),
    trial({ optimizer: 'sgd' }, 'COMPLETE', 0.6, [0.6]),
    trial({ optimizer: 'sgd' }, 'COMPLETE', 0.7, [0.5, 0.7]),
    trial({ optimizer: 'sgd' }, 'PRUNED', 0.4, [0.4]),
    trial({ optimizer: 'sgd' }, 'FAILED', undefined, [], 'diverged: loss is NaN at epoch 2, step 5'),
    trial({ optimizer: 'rmsprop' }, 'FAILED', undefined, [], 'Error: boom'),
    trial({ lr: 0.1 }, 'COMPLETE', 0.5, [0.5]),
  ];

  it('summarizes each group: counts, best, median, quartiles, epochs to best', () => {
    const result = compareStrategies(trials, 'optimizer', 'maximize');
    const [adam, sgd, rmsprop, inactive] = [
      result.groups.find((g) => g.label === 'adam')!,
      result.groups.find((g) => g.label === 'sgd')!,
      result.groups.find((g) => g.label === 'rmsprop')!,
      result.groups.find((g) => g.label === '(inactive)')!,
    ];
    expect(adam).toMatchObject({ trials: 3, complete: 3, pruned: 0, failed: 0, best: 0.95, bestTrial: 2, median: 0.9, medianEpochsToBest: 2 });
    expect(adam.q1).toBeCloseTo(0.85, 10);
    expect(adam.q3).toBeCloseTo(0.925, 10);
    expect(sgd).toMatchObject({ trials: 4, complete: 2, pruned: 1, failed: 1, diverged: 1, best: 0.7 });
    expect(sgd.median).toBeCloseTo(0.65, 12);
    expect(rmsprop).toMatchObject({ trials: 1, complete: 0, failed: 1, diverged: 0 });
    expect(rmsprop.median).toBeUndefined();
    expect(inactive.trials).toBe(1);
  });

  it('ranks by median in the metric direction and names the winner and margin', () => {
    const max = compareStrategies(trials, 'optimizer', 'maximize');
    expect(max.groups.map((g) => g.label)).toEqual(['adam', 'sgd', '(inactive)', 'rmsprop']);
    expect(max.winner?.label).toBe('adam');
    expect(max.verdict).toBe(
      'optimizer=adam wins: median 0.9 over 3 completed trials, 0.25 higher than optimizer=sgd (0.65); pruned 0/3 vs 1/4, failed 0 vs 1',
    );
    const min = compareStrategies(trials, 'optimizer', 'minimize');
    expect(min.groups[0]!.label).toBe('(inactive)');
    expect(min.groups[1]!.label).toBe('sgd');
  });

  it('calls a tie a tie', () => {
    const tied = [trial({ opt: 'a' }, 'COMPLETE', 0.9), trial({ opt: 'b' }, 'COMPLETE', 0.9), trial({ opt: 'b' }, 'PRUNED', 0.5, [0.5])];
    expect(compareStrategies(tied, 'opt', 'maximize').verdict).toBe(
      'opt=a and opt=b tie at median 0.9 (1 and 1 completed trials); pruned 0/1 vs 1/2, failed 0 vs 0',
    );
  });

  it('says why there is no winner', () => {
    expect(compareStrategies([], 'cell', 'maximize').verdict).toBe('no trials yet: nothing to compare by cell');
    expect(compareStrategies([trial({ cell: 'lstm' }, 'RUNNING')], 'cell', 'maximize').verdict).toBe('no cell value has a completed trial yet');
    expect(compareStrategies([trial({ cell: 'lstm' }, 'COMPLETE', 0.5)], 'cell', 'maximize').verdict).toBe(
      'cell=lstm is the only value with completed trials (median 0.5 over 1)',
    );
  });
});
