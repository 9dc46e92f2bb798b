/**
 * What every Pruner must do, as vitest tests: `describePrunerConformance('asha', () => new
 * AshaPruner())` in each implementation's test file (as Optuna's testing/pytest_storages.py).
 */
import { describe, expect, it } from 'vitest';
import { createRandom, shuffled } from '../../random.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import { TRIAL_STATES } from '../../trial/trial-state.js';
import type { Pruner, PruningContext } from '../pruner.js';
import { makeTrial, negated } from './trials.js';

export interface PrunerConformanceOptions {
  /** Whether a NaN report is pruned. Default true; only `none` says false. */
  readonly prunesNaN?: boolean;
}

/** Seeded histories: 30 trials in every state, 1 to 27 steps, some ties, a few gaps. */
function histories(): FrozenTrial[][] {
  return [1, 2, 3].map((seed) => {
    const random = createRandom(seed);
    return Array.from({ length: 30 }, (_, number) => {
      const steps = 1 + Math.floor(random() * 27);
      const level = random();
      const values: Record<number, number> = {};
      for (let step = 1; step <= steps; step++) {
        if (random() < 0.05) continue; // a step not reported
        values[step] = Math.round((level * (1 - Math.exp(-step / 4)) + 0.05 * random()) * 20) / 20; // rounded: ties
      }
      const state = TRIAL_STATES[Math.floor(random() * TRIAL_STATES.length)] ?? 'RUNNING';
      return makeTrial(number, values, state);
    });
  });
}

/** The pruner's answer for each trial of `trials`, each judged as if it had just reported. */
function decisions(pruner: Pruner, direction: Direction, trials: readonly FrozenTrial[]): boolean[] {
  const context: PruningContext = { direction, trials };
  return trials.map((trial) => pruner.prune(context, trial));
}

export function describePrunerConformance(name: string, make: () => Pruner, options: PrunerConformanceOptions = {}): void {
  const prunesNaN = options.prunesNaN ?? true;

  describe(`Pruner conformance: ${name}`, () => {
    it('keeps a trial with no reports, in an empty study or a full one', () => {
      const pruner = make();
      const fresh = makeTrial(0, []);
      for (const direction of ['minimize', 'maximize'] as const) {
        expect(pruner.prune({ direction, trials: [] }, fresh)).toBe(false);
        expect(pruner.prune({ direction, trials: [fresh] }, fresh)).toBe(false);
        const history = histories()[0] ?? [];
        const late = makeTrial(history.length, []);
        expect(pruner.prune({ direction, trials: [...history, late] }, late)).toBe(false);
      }
    });

    it('does not throw on a first report in an empty study', () => {
      const pruner = make();
      const first = makeTrial(0, [0.5]);
      for (const direction of ['minimize', 'maximize'] as const) {
        expect(() => pruner.prune({ direction, trials: [] }, first)).not.toThrow();
        expect(() => pruner.prune({ direction, trials: [first] }, first)).not.toThrow();
      }
    });

    it('is deterministic: same context, same answer — from a fresh instance and in any trial order', () => {
      for (const [i, history] of histories().entries()) {
        for (const direction of ['minimize', 'maximize'] as const) {
          const expected = decisions(make(), direction, history);
          const pruner = make();
          expect(decisions(pruner, direction, history)).toEqual(expected);
          expect(decisions(pruner, direction, history)).toEqual(expected);
          const reordered = shuffled(history, createRandom(100 + i));
          const context: PruningContext = { direction, trials: reordered };
          expect(history.map((trial) => make().prune(context, trial))).toEqual(expected);
        }
      }
    });

    it('gives the same decisions with every value negated and the direction flipped', () => {
      for (const history of histories()) {
        const flipped = history.map(negated);
        expect(decisions(make(), 'maximize', flipped)).toEqual(decisions(make(), 'minimize', history));
        expect(decisions(make(), 'minimize', flipped)).toEqual(decisions(make(), 'maximize', history));
      }
    });

    it(prunesNaN ? 'prunes a trial whose latest report is NaN' : 'keeps a trial whose latest report is NaN', () => {
      const history = histories()[1] ?? [];
      for (const direction of ['minimize', 'maximize'] as const) {
        const alone = makeTrial(0, [Number.NaN]);
        expect(make().prune({ direction, trials: [alone] }, alone)).toBe(prunesNaN);
        for (const steps of [[Number.NaN], [0.4, 0.5, Number.NaN], [0.4, 0.5, 0.6, 0.7, Number.NaN]]) {
          const diverged = makeTrial(history.length, steps);
          expect(make().prune({ direction, trials: [...history, diverged] }, diverged)).toBe(prunesNaN);
        }
      }
    });

    it('does not let NaN reports of other trials throw or count', () => {
      const others = [0, 1, 2, 3, 4, 5].map((n) => makeTrial(n, [Number.NaN, Number.NaN, Number.NaN], 'FAILED'));
      const trial = makeTrial(6, [0.5, 0.5, 0.5]);
      for (const direction of ['minimize', 'maximize'] as const) {
        expect(make().prune({ direction, trials: [...others, trial] }, trial)).toBe(false);
      }
    });
  });
}
