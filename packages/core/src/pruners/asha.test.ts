import { describe, expect, it } from 'vitest';
import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';
import { AshaPruner, rungStepsBetween } from './asha.js';
import { describePrunerConformance } from './testing/pruner-conformance.js';
import { makeTrial } from './testing/trials.js';

describePrunerConformance('asha', () => new AshaPruner());
describePrunerConformance('asha (r=2, η=2, s=1, max 16)', () => new AshaPruner({ minEpochs: 2, reductionFactor: 2, minEarlyStoppingRate: 1, maxEpochs: 16 }));

const rungs = (minEpochs: number, reductionFactor: number, minEarlyStoppingRate: number) => ({ minEpochs, reductionFactor, minEarlyStoppingRate });

function decide(pruner: AshaPruner, direction: Direction, others: readonly FrozenTrial[], values: readonly number[] | Record<number, number>): boolean {
  const trial = makeTrial(others.length, values);
  return pruner.prune({ direction, trials: [...others, trial] }, trial);
}

/** Trials 0..n−1 whose value at every step 1..27 is `values[i]`. */
const flat = (values: readonly number[], state: 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAILED' = 'PRUNED') =>
  values.map((v, n) =>
    makeTrial(
      n,
      Array.from({ length: 27 }, () => v),
      state,
    ),
  );

describe('rungStepsBetween', () => {
  it('puts the rungs at r·η^(s+k)', () => {
    expect(rungStepsBetween(rungs(1, 3, 0), 0, 100)).toEqual([1, 3, 9, 27, 81]);
    expect(rungStepsBetween(rungs(1, 3, 1), 0, 100)).toEqual([3, 9, 27, 81]);
    expect(rungStepsBetween(rungs(2, 2, 0), 0, 20)).toEqual([2, 4, 8, 16]);
    expect(rungStepsBetween(rungs(1, 4, 2), 0, 1000)).toEqual([16, 64, 256]);
  });

  it('lists only the rungs in (after, upTo]', () => {
    expect(rungStepsBetween(rungs(1, 3, 0), 3, 9)).toEqual([9]);
    expect(rungStepsBetween(rungs(1, 3, 0), 2, 3)).toEqual([3]);
    expect(rungStepsBetween(rungs(1, 3, 0), 3, 8)).toEqual([]);
    expect(rungStepsBetween(rungs(1, 3, 0), 0, 30).filter((s) => s <= 27)).toEqual([1, 3, 9, 27]);
  });
});

describe('AshaPruner', () => {
  // Eight trials that reached every rung with 0.1 … 0.8; with the judged trial, n = 9, ⌊9/3⌋ = 3 go on.
  const eight = flat([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);

  it('keeps the top ⌊n/η⌋ at a rung (ties kept) and prunes the rest, in both directions', () => {
    const asha = new AshaPruner();
    expect(decide(asha, 'minimize', eight, [0.25])).toBe(false);
    expect(decide(asha, 'minimize', eight, [0.3])).toBe(false);
    expect(decide(asha, 'minimize', eight, [0.31])).toBe(true);
    expect(decide(asha, 'maximize', eight, [0.65])).toBe(false);
    expect(decide(asha, 'maximize', eight, [0.6])).toBe(false);
    expect(decide(asha, 'maximize', eight, [0.59])).toBe(true);
    // n = 12 at rung 1: ⌊12/3⌋ = 4.
    const eleven = flat([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1]);
    expect(decide(asha, 'minimize', eleven, [0.4])).toBe(false);
    expect(decide(asha, 'minimize', eleven, [0.41])).toBe(true);
  });

  it('with fewer than η trials at a rung, keeps only the best so far (Optuna)', () => {
    const asha = new AshaPruner();
    expect(decide(asha, 'minimize', [], [0.9])).toBe(false); // alone
    const one = flat([0.5]);
    expect(decide(asha, 'minimize', one, [0.4])).toBe(false);
    expect(decide(asha, 'minimize', one, [0.5])).toBe(false);
    expect(decide(asha, 'minimize', one, [0.6])).toBe(true);
    expect(decide(asha, 'maximize', one, [0.4])).toBe(true);
  });

  it('decides only at rung steps; between rungs it keeps even the worst trial', () => {
    const asha = new AshaPruner();
    const prefix = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]; // good at the rungs 1, 3 and 9
    for (const step of [2, 4, 5, 8, 10, 26]) {
      const values = [...prefix.slice(0, Math.min(step - 1, 9)), ...Array.from({ length: Math.max(0, step - 10) }, () => 0.1), 9];
      expect(values).toHaveLength(step);
      expect(decide(asha, 'minimize', eight, values)).toBe(false);
    }
    for (const step of [1, 3, 9, 27]) expect(decide(asha, 'minimize', eight, [...Array.from({ length: step - 1 }, () => 0.1), 9])).toBe(true);
  });

  it('starts at r·η^s', () => {
    const s1 = new AshaPruner({ minEarlyStoppingRate: 1 });
    expect(decide(s1, 'minimize', eight, [9])).toBe(false); // step 1: no rung
    expect(decide(s1, 'minimize', eight, [9, 9, 9])).toBe(true); // step 3: the first rung
    const r2 = new AshaPruner({ minEpochs: 2, reductionFactor: 2 });
    expect(decide(r2, 'minimize', eight, [9])).toBe(false);
    expect(decide(r2, 'minimize', eight, [9, 9])).toBe(true);
    expect(decide(r2, 'minimize', eight, [0.1, 0.1, 9])).toBe(false);
    expect(decide(r2, 'minimize', eight, [0.1, 0.1, 0.1, 9])).toBe(true);
  });

  it('compares with the others’ values at the rung, from trials in any state that reached it', () => {
    // At rung 3 the others read 0.1, 0.2 (COMPLETE, RUNNING), 0.3 (FAILED); later values do not matter.
    const others = [
      makeTrial(0, { 1: 0.9, 2: 0.9, 3: 0.1, 9: 0.0 }, 'COMPLETE'),
      makeTrial(1, { 1: 0.9, 2: 0.9, 3: 0.2 }, 'RUNNING'),
      makeTrial(2, { 1: 0.9, 2: 0.9, 3: 0.3, 4: Number.NaN }, 'FAILED'),
      makeTrial(3, [0.0, 0.0], 'PRUNED'), // never reached rung 3
      makeTrial(4, { 1: 0.9, 2: 0.9, 3: Number.NaN }, 'FAILED'), // NaN at the rung: not counted
    ];
    const asha = new AshaPruner();
    // n = 4 at rung 3 → ⌊4/3⌋ = 1: only the best goes on.
    expect(decide(asha, 'minimize', others, [0.5, 0.5, 0.1])).toBe(false);
    expect(decide(asha, 'minimize', others, [0.5, 0.5, 0.11])).toBe(true);
  });

  it('judges a trial that does not report every epoch at the report that crosses a rung', () => {
    const asha = new AshaPruner();
    expect(decide(asha, 'minimize', eight, { 2: 9 })).toBe(true); // crossed rung 1
    expect(decide(asha, 'minimize', eight, { 2: 0.1, 4: 9 })).toBe(true); // crossed rung 3
    expect(decide(asha, 'minimize', eight, { 2: 0.1, 4: 0.1, 6: 9 })).toBe(false); // no rung in (4, 6]
    // Others reporting every other epoch meet rung 3 at step 4.
    const sparse = [0.1, 0.2, 0.3, 0.4, 0.5].map((v, n) => makeTrial(n, { 2: 0, 4: v, 6: 0 }, 'COMPLETE'));
    expect(decide(asha, 'minimize', sparse, [0, 0, 0.2])).toBe(false); // n = 6 → 2 go on
    expect(decide(asha, 'minimize', sparse, [0, 0, 0.21])).toBe(true);
  });

  it('never prunes at or after max_epochs (but for NaN)', () => {
    const asha = new AshaPruner({ maxEpochs: 27 });
    const worst = [...Array.from({ length: 26 }, () => 0.1), 9];
    expect(decide(asha, 'minimize', eight, worst)).toBe(false);
    expect(decide(new AshaPruner(), 'minimize', eight, worst)).toBe(true);
    expect(decide(asha, 'minimize', eight, [...worst.slice(0, 26), Number.NaN])).toBe(true);
  });

  it('refuses bad options, naming each with its spec path', () => {
    expect(() => new AshaPruner({ minEpochs: 0 })).toThrow('pruner.min_epochs: must be an integer >= 1 (got 0)');
    expect(() => new AshaPruner({ reductionFactor: 1 })).toThrow('pruner.reduction_factor: must be an integer >= 2 (got 1)');
    expect(() => new AshaPruner({ reductionFactor: 2.5 })).toThrow('pruner.reduction_factor: must be an integer >= 2 (got 2.5)');
    expect(() => new AshaPruner({ minEarlyStoppingRate: -1 })).toThrow('pruner.min_early_stopping_rate: must be an integer >= 0 (got -1)');
    expect(() => new AshaPruner({ maxEpochs: 0 })).toThrow('budget.max_epochs: must be an integer >= 1 (got 0)');
    expect(() => new AshaPruner({ minEpochs: 0, reductionFactor: 0 })).toThrow(
      expect.objectContaining({ code: 'SPEC', problems: expect.arrayContaining([expect.objectContaining({ path: 'pruner.reduction_factor' })]) }),
    );
  });

  it('uses the documented defaults: r = 1, η = 3, s = 0, no max', () => {
    expect(new AshaPruner().rungs).toEqual({ minEpochs: 1, reductionFactor: 3, minEarlyStoppingRate: 0, maxEpochs: undefined });
  });
});
