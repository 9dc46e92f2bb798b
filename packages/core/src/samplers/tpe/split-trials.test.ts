import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { TrialState } from '../../trial/trial-state.js';
import { countBelow, splitTrials } from './split-trials.js';

const trial = (number: number, state: TrialState, value?: number, curve: readonly number[] = []): FrozenTrial => ({
  number,
  state,
  params: {},
  ...(value === undefined ? {} : { value }),
  intermediate: new Map(curve.map((v, i) => [i + 1, v] as [number, number])),
  attempt: 1,
});
const numbers = (trials: readonly FrozenTrial[]): number[] => trials.map((t) => t.number);

describe('countBelow', () => {
  it('is min(⌈0.1·n⌉, 25) by default', () => {
    expect([0, 1, 10, 11, 100, 240, 241, 1000].map((n) => countBelow(n))).toEqual([0, 1, 1, 2, 10, 24, 25, 25]);
  });

  it('is min(⌈gamma·n⌉, 25) for a given gamma', () => {
    expect([10, 20, 200].map((n) => countBelow(n, 0.25))).toEqual([3, 5, 25]);
  });
});

describe('splitTrials', () => {
  it('puts the best COMPLETE values below, in number order, for either direction', () => {
    const trials = [trial(0, 'COMPLETE', 5), trial(1, 'COMPLETE', 1), trial(2, 'COMPLETE', 3), trial(3, 'COMPLETE', 4), trial(4, 'COMPLETE', 2)];
    const min = splitTrials(trials, 'minimize', 2, false);
    expect(numbers(min.below)).toEqual([1, 4]);
    expect(numbers(min.above)).toEqual([0, 2, 3]);
    const max = splitTrials(trials, 'maximize', 2, false);
    expect(numbers(max.below)).toEqual([0, 3]);
    expect(numbers(max.above)).toEqual([1, 2, 4]);
  });

  it('ranks NaN and missing values last, after ±Infinity, and breaks ties by number', () => {
    const trials = [trial(0, 'COMPLETE', Number.NaN), trial(1, 'COMPLETE', Infinity), trial(2, 'COMPLETE'), trial(3, 'COMPLETE', 7), trial(4, 'COMPLETE', 7)];
    expect(numbers(splitTrials(trials, 'minimize', 3, false).below)).toEqual([1, 3, 4]);
    expect(numbers(splitTrials(trials, 'maximize', 1, false).below)).toEqual([1]);
    expect(numbers(splitTrials(trials, 'maximize', 2, false).below)).toEqual([1, 3]);
  });

  it('ranks PRUNED trials after COMPLETE ones: more steps first, then the value at the last step', () => {
    const trials = [
      trial(0, 'PRUNED', 0.1, [0.9, 0.1]), // 2 steps, 0.1
      trial(1, 'PRUNED', 0.5, [0.9, 0.8, 0.5]), // 3 steps, 0.5
      trial(2, 'PRUNED', 0.2, [0.9, 0.8, 0.2]), // 3 steps, 0.2
      trial(3, 'PRUNED'), // no reports: last
      trial(4, 'COMPLETE', 0.9),
      trial(5, 'PRUNED', Number.NaN, [0.3, 0.2, Number.NaN]), // 3 steps, NaN: after the other 3-step ones
    ];
    const ranks = [1, 2, 3, 4, 5, 6].map((n) => splitTrials(trials, 'minimize', n, false).below);
    const added = ranks.map((below, i) => numbers(below).find((x) => !numbers(ranks[i - 1] ?? []).includes(x)));
    expect(added).toEqual([4, 2, 1, 5, 0, 3]);
    // Maximizing flips the value order within a step count, not the step order.
    const maxRanks = [2, 3].map((n) => numbers(splitTrials(trials, 'maximize', n, false).below));
    expect(maxRanks).toEqual([
      [1, 4],
      [1, 2, 4],
    ]);
  });

  it('leaves FAILED trials out and puts pending ones above only with the constant liar', () => {
    const trials = [trial(0, 'COMPLETE', 1), trial(1, 'FAILED'), trial(2, 'RUNNING', undefined, [0.1]), trial(3, 'QUEUED'), trial(4, 'COMPLETE', 2)];
    const liar = splitTrials(trials, 'minimize', 1, true);
    expect(numbers(liar.below)).toEqual([0]);
    expect(numbers(liar.above)).toEqual([2, 3, 4]);
    const honest = splitTrials(trials, 'minimize', 1, false);
    expect(numbers(honest.above)).toEqual([4]);
  });

  it('puts everything above when nBelow is 0, and everything finished below when nBelow covers it', () => {
    const trials = [trial(0, 'COMPLETE', 1), trial(1, 'PRUNED', 1, [1])];
    expect(numbers(splitTrials(trials, 'minimize', 0, false).above)).toEqual([0, 1]);
    expect(numbers(splitTrials(trials, 'minimize', 5, false).below)).toEqual([0, 1]);
  });

  it('keeps the best 25 of 1,000 exactly as a full sort would', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453));
    const trials = values.map((v, i) => trial(i, 'COMPLETE', v));
    const expected = [...trials]
      .sort((a, b) => (a.value as number) - (b.value as number))
      .slice(0, 25)
      .map((t) => t.number)
      .sort((a, b) => a - b);
    const split = splitTrials(trials, 'minimize', 25, false);
    expect(numbers(split.below)).toEqual(expected);
    expect(split.above).toHaveLength(975);
  });
});
