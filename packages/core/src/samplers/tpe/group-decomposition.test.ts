import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { TrialState } from '../../trial/trial-state.js';
import { decomposeGroups, intersectionOfParams } from './group-decomposition.js';

const trial = (number: number, names: string[], state: TrialState = 'COMPLETE'): FrozenTrial => ({
  number,
  state,
  params: Object.fromEntries(names.map((name) => [name, 1])),
  intermediate: new Map(),
  attempt: 1,
});

describe('decomposeGroups', () => {
  it('splits a conditional space into the params that always appear together', () => {
    const trials = [trial(0, ['optimizer', 'lr', 'momentum']), trial(1, ['optimizer', 'lr', 'beta1', 'beta2']), trial(2, ['optimizer', 'lr', 'momentum'])];
    expect(decomposeGroups(trials)).toEqual([['lr', 'optimizer'], ['momentum'], ['beta1', 'beta2']]);
  });

  it('keeps one group when every trial has the same params, and ignores FAILED and pending trials', () => {
    const trials = [trial(0, ['x', 'y']), trial(1, ['x'], 'FAILED'), trial(2, ['x'], 'RUNNING'), trial(3, ['y', 'x'], 'PRUNED')];
    expect(decomposeGroups(trials)).toEqual([['x', 'y']]);
  });

  it('is empty before any trial finishes', () => {
    expect(decomposeGroups([trial(0, ['x'], 'RUNNING')])).toEqual([]);
  });
});

describe('intersectionOfParams', () => {
  it('keeps the params every finished trial has', () => {
    expect(intersectionOfParams([trial(0, ['a', 'b', 'c']), trial(1, ['b', 'c']), trial(2, ['a'], 'FAILED')])).toEqual(['b', 'c']);
  });
});
