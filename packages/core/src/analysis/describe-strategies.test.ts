import { describe, expect, it } from 'vitest';
import type { ComparableTrial } from './comparable-trial.js';
import { describeStrategies } from './describe-strategies.js';

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

describe('describeStrategies', () => {
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
    const result = describeStrategies(trials, 'optimizer', 'maximize');
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

  it("keeps the order values first appear in and names no winner (ranking is judgeStrategies' job)", () => {
    const result = describeStrategies(trials, 'optimizer', 'maximize');
    expect(result.groups.map((g) => g.label)).toEqual(['adam', 'sgd', 'rmsprop', '(inactive)']);
    expect(Object.keys(result).sort()).toEqual(['by', 'direction', 'groups']);
    expect(describeStrategies([], 'cell', 'maximize').groups).toEqual([]);
  });
});
