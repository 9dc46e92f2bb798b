import { describe, expect, it } from 'vitest';
import type { FrozenTrial } from '../trial/frozen-trial.js';
import { AshaPruner } from './asha.js';
import { HyperbandPruner } from './hyperband.js';
import { describePrunerConformance } from './testing/pruner-conformance.js';
import { makeTrial } from './testing/trials.js';

describePrunerConformance('hyperband (R=27)', () => new HyperbandPruner({ maxEpochs: 27 }));
describePrunerConformance('hyperband (r=2, η=2, R=16)', () => new HyperbandPruner({ minEpochs: 2, reductionFactor: 2, maxEpochs: 16 }));

const hyperband = new HyperbandPruner({ maxEpochs: 27 });
/** The first `count` trial numbers of `bracket` (R = 27). */
const numbersIn = (bracket: number, count: number): number[] =>
  Array.from({ length: 1000 }, (_, n) => n)
    .filter((n) => hyperband.bracketOf(n) === bracket)
    .slice(0, count);
const flat = (numbers: readonly number[], value: number): FrozenTrial[] =>
  numbers.map((n) =>
    makeTrial(
      n,
      Array.from({ length: 27 }, () => value),
      'PRUNED',
    ),
  );

describe('HyperbandPruner brackets', () => {
  it('has ⌊log_η(R/r)⌋ + 1 brackets weighted ⌈B·η^s/(s+1)⌉, the most aggressive first', () => {
    expect(new HyperbandPruner({ maxEpochs: 27 }).bracketBudgets).toEqual([27, 12, 6, 4]);
    expect(new HyperbandPruner({ maxEpochs: 26 }).bracketBudgets).toEqual([9, 5, 3]);
    expect(new HyperbandPruner({ maxEpochs: 8 }).bracketBudgets).toEqual([3, 2]);
    expect(new HyperbandPruner({ maxEpochs: 2 }).bracketBudgets).toEqual([1]);
    expect(new HyperbandPruner({ maxEpochs: 16, minEpochs: 2, reductionFactor: 2 }).bracketBudgets).toEqual([8, 6, 4, 4]);
  });

  it('counts brackets exactly, where floating-point log_3(243) = 4.999… would lose one', () => {
    expect(new HyperbandPruner({ maxEpochs: 243 }).bracketBudgets).toHaveLength(6);
    expect(new HyperbandPruner({ maxEpochs: 242 }).bracketBudgets).toHaveLength(5);
  });

  it('assigns a trial to a bracket by its number alone, in proportion to the weights', () => {
    // Pinned: changing the hash would move stored trials between brackets on resume.
    expect(Array.from({ length: 20 }, (_, n) => hyperband.bracketOf(n))).toEqual([0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 3, 0]);
    expect(new HyperbandPruner({ maxEpochs: 27 }).bracketOf(12345)).toBe(hyperband.bracketOf(12345));
    const counts = [0, 0, 0, 0];
    for (let n = 0; n < 49_000; n++) counts[hyperband.bracketOf(n)] = (counts[hyperband.bracketOf(n)] ?? 0) + 1;
    [27, 12, 6, 4].forEach((weight, b) => expect(Math.abs((counts[b] ?? 0) / 1000 - weight)).toBeLessThan(0.5));
  });
});

describe('HyperbandPruner', () => {
  it('compares a trial only with the trials of its bracket', () => {
    const [judged, ...zero] = numbersIn(0, 9);
    const better = flat(numbersIn(1, 8), 0.1); // bracket 1: not its peers
    const trial = makeTrial(judged as number, [0.5]);
    const alone = { direction: 'minimize' as const, trials: [...better, trial] };
    expect(hyperband.prune(alone, trial)).toBe(false);
    expect(new AshaPruner().prune(alone, trial)).toBe(true); // one ASHA over everyone would prune it
    const peers = { direction: 'minimize' as const, trials: [...better, ...flat(zero, 0.1), trial] };
    expect(hyperband.prune(peers, trial)).toBe(true);
  });

  it('runs bracket b as an ASHA whose first rung is r·η^b', () => {
    const [judged, ...others] = numbersIn(1, 9);
    const peers = flat(others, 0.1);
    const at = (values: number[]) => {
      const trial = makeTrial(judged as number, values);
      return hyperband.prune({ direction: 'minimize', trials: [...peers, trial] }, trial);
    };
    expect(at([9])).toBe(false); // step 1 is no rung in bracket 1
    expect(at([9, 9])).toBe(false);
    expect(at([9, 9, 9])).toBe(true);
    expect(at([0.1, 0.1, 0.1])).toBe(false);
    expect(at([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 9])).toBe(true);
  });

  it('never prunes a trial that reached R (but for NaN): the last bracket is plain random search', () => {
    const [judged, ...others] = numbersIn(3, 9);
    const peers = flat(others, 0.1);
    for (let step = 1; step <= 27; step++) {
      const trial = makeTrial(
        judged as number,
        Array.from({ length: step }, () => 9),
      );
      expect(hyperband.prune({ direction: 'minimize', trials: [...peers, trial] }, trial)).toBe(false);
    }
    const diverged = makeTrial(judged as number, [0.1, Number.NaN]);
    expect(hyperband.prune({ direction: 'minimize', trials: [...peers, diverged] }, diverged)).toBe(true);
  });

  it('refuses bad options, naming each with its spec path', () => {
    expect(() => new HyperbandPruner({ maxEpochs: 0 })).toThrow('pruner.max_epochs: must be an integer >= 1 (got 0)');
    expect(() => new HyperbandPruner({ minEpochs: 4, maxEpochs: 3 })).toThrow('pruner.max_epochs: must be an integer >= min_epochs (4) (got 3)');
    expect(() => new HyperbandPruner({ maxEpochs: 27, reductionFactor: 1 })).toThrow('pruner.reduction_factor: must be an integer >= 2 (got 1)');
    expect(() => new HyperbandPruner({ maxEpochs: 27, minEpochs: 0.5 })).toThrow('pruner.min_epochs: must be an integer >= 1 (got 0.5)');
  });
});
