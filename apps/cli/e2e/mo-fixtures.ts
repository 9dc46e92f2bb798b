/**
 * Hand-made multi-objective and constrained sweeps written with the real store (SqliteTrialStore),
 * with known values, so a test can say exactly which trials are on the Pareto front and in what order.
 */
import type { FrozenTrial, TrialState } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

interface HandTrial {
  readonly number: number;
  readonly state: TrialState;
  readonly opt: string;
  readonly values?: Readonly<Record<string, number>>;
}

/**
 * Two objectives, both minimized, reference (4, 6) from the spec, and `size ≤ 50`:
 * #0 (1, 5), #1 (2, 2), #2 (3, 1) make the front; #3 (2.5, 3) is dominated by #1; #4 (0.5, 0.5)
 * would dominate them all but is infeasible (size 80); #5 is PRUNED with even better values, #6
 * FAILED, #7 RUNNING. Hypervolume 10; contributions #1: 3, #0: 1, #2: 1 (ties by number).
 */
export const MO_NAME = 'mo-hand';
export const MO_TRIALS: readonly HandTrial[] = [
  { number: 0, state: 'COMPLETE', opt: 'a', values: { loss: 1, latency: 5, size: 10 } },
  { number: 1, state: 'COMPLETE', opt: 'b', values: { loss: 2, latency: 2, size: 10 } },
  { number: 2, state: 'COMPLETE', opt: 'a', values: { loss: 3, latency: 1, size: 10 } },
  { number: 3, state: 'COMPLETE', opt: 'b', values: { loss: 2.5, latency: 3, size: 10 } },
  { number: 4, state: 'COMPLETE', opt: 'a', values: { loss: 0.5, latency: 0.5, size: 80 } },
  { number: 5, state: 'PRUNED', opt: 'b', values: { loss: 0.1, latency: 0.1, size: 1 } },
  { number: 6, state: 'FAILED', opt: 'a' },
  { number: 7, state: 'RUNNING', opt: 'b' },
];

/** One metric (accuracy, maximized) with `size ≤ 50`: #0 is the most accurate but infeasible. */
export const CONSTRAINED_NAME = 'constrained-hand';
export const CONSTRAINED_TRIALS: readonly HandTrial[] = [
  { number: 0, state: 'COMPLETE', opt: 'a', values: { acc: 0.9, size: 80 } },
  { number: 1, state: 'COMPLETE', opt: 'b', values: { acc: 0.7, size: 20 } },
  { number: 2, state: 'COMPLETE', opt: 'a', values: { acc: 0.8, size: 10 } },
  { number: 3, state: 'PRUNED', opt: 'b', values: { acc: 0.95, size: 1 } },
];

const parameters = { opt: { values: ['a', 'b'] }, x: { uniform: [0, 1] } };

/** Writes both sweeps into `db` (a new file). */
export function writeHandSweeps(db: string, options: { reference?: boolean } = {}): void {
  const reference = options.reference ?? true;
  const store = SqliteTrialStore.open(db);
  try {
    const mo = store.createSweep({
      name: MO_NAME,
      spec: {
        name: MO_NAME,
        objective: 'noop',
        metrics: [
          { name: 'loss', goal: 'minimize', ...(reference ? { reference: 4 } : {}) },
          { name: 'latency', goal: 'minimize', ...(reference ? { reference: 6 } : {}) },
        ],
        constraints: [{ metric: 'size', max: 50 }],
        budget: { trials: 8, parallel: 1, max_epochs: 2 },
        sampler: { type: 'random', seed: 1 },
        parameters,
      },
      specHash: 'mo-hand',
      metric: 'loss',
      direction: 'minimize',
      objective: 'noop',
      seed: 1,
    });
    write(store, mo.id, MO_TRIALS, 'loss');
    const constrained = store.createSweep({
      name: CONSTRAINED_NAME,
      spec: {
        name: CONSTRAINED_NAME,
        objective: 'noop',
        metric: { name: 'acc', goal: 'maximize' },
        constraints: [{ metric: 'size', max: 50 }],
        budget: { trials: 4, parallel: 1, max_epochs: 2 },
        sampler: { type: 'random', seed: 1 },
        parameters,
      },
      specHash: 'constrained-hand',
      metric: 'acc',
      direction: 'maximize',
      objective: 'noop',
      seed: 1,
    });
    write(store, constrained.id, CONSTRAINED_TRIALS, 'acc');
  } finally {
    store.close();
  }
}

function write(store: SqliteTrialStore, sweepId: number, trials: readonly HandTrial[], first: string): void {
  for (const trial of trials) {
    const value = trial.values?.[first];
    const frozen: FrozenTrial = {
      number: trial.number,
      state: trial.state,
      params: { opt: trial.opt, x: trial.number / 10 },
      intermediate: new Map(value === undefined ? [] : [[1, value]]),
      attempt: 1,
      ...(value === undefined ? {} : { value }),
      ...(trial.values === undefined ? {} : { values: trial.values }),
    };
    store.createTrial(sweepId, frozen);
  }
}
