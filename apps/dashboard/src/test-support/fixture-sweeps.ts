/**
 * Test databases written by the real writer (SqliteTrialStore), as `sweep run` would leave them:
 * a spec document parsed and validated by core, trials in every state, per-epoch metrics (with a
 * NaN from a diverged trial), events. Deterministic: seeded randomness and a fake clock.
 */
import {
  createRandom,
  describeObjective,
  parseSweepSpec,
  sweepSpecDocument,
  type Direction,
  type FrozenTrial,
  type Params,
  type SweepRecord,
} from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

export const STRATEGIES_SPEC = `
name: strategies
objective: noop
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 60, parallel: 2, max_epochs: 5 }
sampler: { type: random, seed: 3 }
pruner: { type: median }
parameters:
  optimizer: { values: [sgd, momentum, adam] }
  momentum:  { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  lr:        { log_uniform: [1.0e-4, 1.0e-1] }
  cell:      { values: [lstm, gru] }
  units:     { int: [8, 64] }
`;

const LOSS_SPEC = `
name: loss
objective: noop
metric: { name: val_loss, goal: minimize }
budget: { trials: 4 }
parameters:
  units: { int: [8, 64] }
`;

/** The fake clock's start (epoch ms) and how far each write moves it. */
export const CLOCK_START = 1_700_000_000_000;

export interface FixtureStore {
  readonly store: SqliteTrialStore;
  readonly clock: { now: number };
  readonly sweeps: Record<string, SweepRecord>;
}

function createSweep(store: SqliteTrialStore, specText: string): SweepRecord {
  const spec = parseSweepSpec(specText);
  const direction: Direction = spec.metric.goal;
  return store.createSweep({
    name: spec.name,
    spec: sweepSpecDocument(spec),
    specHash: `hash-${spec.name}`,
    metric: spec.metric.name,
    direction,
    objective: describeObjective(spec.objective),
    seed: 3,
  });
}

function frozen(number: number, params: Params): FrozenTrial {
  return { number, state: 'QUEUED', params, intermediate: new Map(), attempt: 1 };
}

/** A finished trial with a learning curve rising toward `final`; ends as `state`. */
function runTrial(fixture: FixtureStore, sweepId: number, number: number, params: Params, final: number, state: 'COMPLETE' | 'PRUNED', epochs: number): void {
  const { store, clock } = fixture;
  clock.now += 1000;
  store.createTrial(sweepId, frozen(number, params));
  store.updateTrial(sweepId, number, { state: 'RUNNING', owner: 'fixture' });
  store.appendEvent(sweepId, number, 'trial_started', `trial ${number} started`);
  const rows = Array.from({ length: epochs }, (_, index) => {
    const step = index + 1;
    return { trialNumber: number, step, metrics: { val_accuracy: final - 0.05 * (5 - step), loss: 1 / step } };
  });
  store.appendMetrics(sweepId, rows);
  clock.now += 500 * epochs;
  store.updateTrial(sweepId, number, { state, value: rows.at(-1)?.metrics.val_accuracy ?? final });
  if (state === 'PRUNED') store.appendEvent(sweepId, number, 'trial_pruned', `trial ${number} pruned at step ${epochs}: below the median`);
}

/**
 * 'strategies' (maximize val_accuracy): 36 trials where adam beats momentum beats sgd, cell and
 * units barely matter; every 7th trial is pruned, trial 5 diverged (FAILED, NaN loss), 34 is
 * RUNNING and 35 QUEUED. 'loss' (minimize val_loss, finished): 4 COMPLETE trials. 'empty': no trials.
 */
export function writeFixture(path: string): FixtureStore {
  const clock = { now: CLOCK_START };
  const store = SqliteTrialStore.open(path, { clock: () => clock.now });
  const fixture: FixtureStore = { store, clock, sweeps: {} };
  const strategies = createSweep(store, STRATEGIES_SPEC);
  store.appendEvent(strategies.id, null, 'sweep_started', 'sweep strategies started');
  const random = createRandom(11);
  const optimizers = ['sgd', 'momentum', 'adam'] as const;
  const base = { sgd: 0.6, momentum: 0.7, adam: 0.85 };
  for (let number = 0; number < 34; number++) {
    const optimizer = optimizers[number % 3] as (typeof optimizers)[number];
    const params: Params = {
      optimizer,
      ...(optimizer === 'momentum' ? { momentum: 0.5 + 0.49 * random() } : {}),
      lr: 10 ** (-4 + 3 * random()),
      cell: random() < 0.5 ? 'lstm' : 'gru',
      units: 8 + Math.floor(random() * 57),
    };
    if (number === 5) {
      clock.now += 1000;
      store.createTrial(strategies.id, frozen(number, params));
      store.updateTrial(strategies.id, number, { state: 'RUNNING', owner: 'fixture' });
      store.appendMetrics(strategies.id, [
        { trialNumber: number, step: 1, metrics: { val_accuracy: 0.5, loss: 2 } },
        { trialNumber: number, step: 2, metrics: { val_accuracy: 0.5, loss: Number.NaN } },
      ]);
      store.updateTrial(strategies.id, number, { state: 'FAILED', failureReason: 'diverged: loss is NaN at epoch 2, step 14' });
      store.appendEvent(strategies.id, number, 'trial_failed', 'diverged: loss is NaN at epoch 2, step 14');
      continue;
    }
    const pruned = number % 7 === 6;
    runTrial(fixture, strategies.id, number, params, base[optimizer] + 0.1 * random(), pruned ? 'PRUNED' : 'COMPLETE', pruned ? 2 : 5);
  }
  clock.now += 1000;
  store.createTrial(strategies.id, frozen(34, { optimizer: 'adam', lr: 0.001, cell: 'lstm', units: 32 }));
  store.updateTrial(strategies.id, 34, { state: 'RUNNING', owner: 'fixture' });
  store.appendMetrics(strategies.id, [{ trialNumber: 34, step: 1, metrics: { val_accuracy: 0.7, loss: 0.9 } }]);
  store.createTrial(strategies.id, frozen(35, { optimizer: 'sgd', lr: 0.01, cell: 'gru', units: 16 }));
  fixture.sweeps['strategies'] = strategies;

  clock.now += 1000;
  const loss = createSweep(store, LOSS_SPEC);
  [0.3, 0.1, 0.2, 0.15].forEach((value, number) => {
    clock.now += 1000;
    store.createTrial(loss.id, frozen(number, { units: 8 * (number + 1) }));
    store.updateTrial(loss.id, number, { state: 'RUNNING', owner: 'fixture' });
    store.appendMetrics(loss.id, [{ trialNumber: number, step: 1, metrics: { val_loss: value } }]);
    store.updateTrial(loss.id, number, { state: 'COMPLETE', value });
  });
  store.setSweepStatus(loss.id, 'finished');
  fixture.sweeps['loss'] = loss;

  clock.now += 1000;
  fixture.sweeps['empty'] = createSweep(store, LOSS_SPEC.replace('name: loss', 'name: empty'));
  return fixture;
}
