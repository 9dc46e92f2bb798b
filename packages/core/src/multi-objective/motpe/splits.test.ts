import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { Observation } from '../mo-history.js';
import { constraintSplits } from './constraint-splits.js';
import { splitByPareto } from './split-by-pareto.js';

const observation = (number: number, values: number[], violations: number[] = []): Observation => ({
  trial: { number, state: 'COMPLETE', params: {}, intermediate: new Map(), attempt: 1 } satisfies FrozenTrial,
  values,
  violations,
  violation: violations.reduce((a, v) => a + v, 0),
});
const numbers = (observations: readonly Observation[]) => observations.map((o) => o.trial.number);

describe('splitByPareto', () => {
  it('takes whole fronts first, each objective in its direction', () => {
    const observed = [observation(0, [0.9, 10]), observation(1, [0.8, 5]), observation(2, [0.7, 20]), observation(3, [0.85, 12])];
    const split = splitByPareto(observed, 2, ['maximize', 'minimize']);
    expect(numbers(split.below)).toEqual([0, 1]);
    expect(numbers(split.above)).toEqual([2, 3]);
  });

  it('cuts an oversized 2-objective front by greedy hypervolume: the bunched middle thins out', () => {
    // Reference (11, 11) from the front's worst values: (5, 5) adds most, then the two extremes.
    const observed = [observation(0, [0, 10]), observation(1, [4.9, 5.1]), observation(2, [5, 5]), observation(3, [5.1, 4.9]), observation(4, [10, 0])];
    expect(numbers(splitByPareto(observed, 3, ['minimize', 'minimize']).below)).toEqual([0, 2, 4]);
    // The same front with the second objective maximized (negated): the same choice.
    const flipped = observed.map((o) => observation(o.trial.number, [o.values[0] as number, -(o.values[1] as number)]));
    expect(numbers(splitByPareto(flipped, 3, ['minimize', 'maximize']).below)).toEqual([0, 2, 4]);
  });

  it('cuts a front with an infinite value by crowding instead', () => {
    const observed = [observation(0, [0, Infinity]), observation(1, [4.9, 5.1]), observation(2, [5, 5]), observation(3, [10, 0])];
    expect(numbers(splitByPareto(observed, 2, ['minimize', 'minimize']).below)).toEqual([0, 3]);
  });

  it('cuts an oversized front of 3 objectives by greedy hypervolume (hand-computed)', () => {
    // Reference (1.1, 1.1, 1.1). Boxes: 3 is the largest (0.8 × 0.77² = 0.474) and goes first;
    // given 3, the gains are 0 → 0.0617, 1 → 0.0594, 2 → 0.0539, 4 → 0.0057; given 3 and 0,
    // 1 → 0.0561, 2 → 0.0511.
    const observed = [
      observation(0, [1, 0, 0]),
      observation(1, [0, 1, 0]),
      observation(2, [0, 0.05, 1]),
      observation(3, [0.3, 0.33, 0.33]),
      observation(4, [0.29, 0.36, 0.33]),
    ];
    expect(numbers(splitByPareto(observed, 1, ['minimize', 'minimize', 'minimize']).below)).toEqual([3]);
    expect(numbers(splitByPareto(observed, 2, ['minimize', 'minimize', 'minimize']).below)).toEqual([0, 3]);
    expect(numbers(splitByPareto(observed, 3, ['minimize', 'minimize', 'minimize']).below)).toEqual([0, 1, 3]);
  });
});

describe('constraintSplits', () => {
  it('splits each constraint into satisfied and violated, skipping one every trial satisfies', () => {
    const observed = [observation(0, [0], [0, 0, 1]), observation(1, [0], [2, 0, 3]), observation(2, [0], [0, 0, 2])];
    const splits = constraintSplits(observed);
    expect(splits).toHaveLength(2);
    expect(numbers(splits[0]!.below)).toEqual([0, 2]);
    expect(numbers(splits[0]!.above)).toEqual([1]);
    // Nobody satisfies the third constraint: the least violating tenth (at least one) stands in.
    expect(numbers(splits[1]!.below)).toEqual([0]);
    expect(numbers(splits[1]!.above)).toEqual([1, 2]);
  });
});
