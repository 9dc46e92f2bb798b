import type { Params, TrialState } from '@loopsweep/core';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';

interface SampleTrial {
  readonly params: Params;
  readonly state: TrialState;
  readonly value?: number;
  readonly reason?: string;
  /** Epoch ms of start and finish (the fake clock). */
  readonly started?: number;
  readonly finished?: number;
  /** Per step: metrics reported. */
  readonly steps?: readonly Readonly<Record<string, number>>[];
}

/** Trials of 'rnn' (maximize val_accuracy): ties, NULL values, every state, an inactive param, a NaN. */
export const RNN_TRIALS: readonly SampleTrial[] = [
  {
    params: { cell: 'lstm', optimizer: 'adam', lr: 0.01, units: 32, bidirectional: true },
    state: 'COMPLETE',
    value: 0.8,
    started: 1_000,
    finished: 5_000,
    steps: [
      { val_accuracy: 0.5, loss: 1 },
      { val_accuracy: 0.7, loss: 0.6 },
      { val_accuracy: 0.8, loss: 0.4 },
    ],
  },
  {
    params: { cell: 'gru', optimizer: 'momentum', momentum: 0.9, lr: 0.1, units: 16, bidirectional: false },
    state: 'COMPLETE',
    value: 0.9,
    started: 2_000,
    finished: 4_000,
    steps: [{ val_accuracy: 0.6 }, { val_accuracy: 0.9 }],
  },
  {
    params: { cell: 'lstm', optimizer: 'sgd', lr: 0.001, units: 32, bidirectional: false },
    state: 'PRUNED',
    value: 0.3,
    started: 3_000,
    finished: 3_500,
    steps: [{ val_accuracy: 0.3 }],
  },
  {
    params: { cell: 'simple', optimizer: 'momentum', momentum: 0.5, lr: 0.01, units: 64, bidirectional: true },
    state: 'FAILED',
    reason: 'diverged, "NaN" loss at\nstep 2',
    started: 4_000,
    finished: 4_100,
    steps: [{ loss: Number.NaN }],
  },
  { params: { cell: 'gru', optimizer: 'adam', lr: 0.01, units: 16, bidirectional: true }, state: 'RUNNING', started: 6_000, steps: [{ val_accuracy: 0.6 }] },
  { params: { cell: 'lstm', optimizer: 'adam', lr: 0.05, units: 8, bidirectional: false }, state: 'QUEUED' },
  {
    params: { cell: 'simple', optimizer: 'sgd', lr: 0.02, units: 8, bidirectional: false },
    state: 'COMPLETE',
    value: 0.8,
    started: 7_000,
    finished: 9_000,
    steps: [{ val_accuracy: 0.8 }],
  },
];

/** Values of 'loss' (minimize val_loss), all COMPLETE. */
export const LOSS_VALUES: readonly number[] = [0.3, 0.1, 0.2, 0.1];

/**
 * Writes the sample sweeps through SqliteTrialStore with a fake clock and returns the open store
 * and the clock (set `clock.now` before further writes).
 */
export function writeSampleSweeps(path: string): { store: SqliteTrialStore; clock: { now: number } } {
  const clock = { now: 100 };
  const store = SqliteTrialStore.open(path, { clock: () => clock.now });
  const rnn = store.createSweep(newSweep('rnn', 'maximize', 'val_accuracy'));
  store.appendEvent(rnn.id, null, 'sweep_started', 'started');
  RNN_TRIALS.forEach((trial, number) => {
    clock.now = 500 + number;
    store.createTrial(rnn.id, frozenTrial(number, trial.params));
    if (trial.started === undefined) return;
    clock.now = trial.started;
    store.updateTrial(rnn.id, number, { state: 'RUNNING', owner: 'owner-1' });
    store.appendEvent(rnn.id, number, 'trial_started', `trial ${number} started`);
    store.appendMetrics(
      rnn.id,
      (trial.steps ?? []).map((metrics, index) => ({ trialNumber: number, step: index + 1, metrics })),
    );
    if (trial.finished === undefined) return;
    clock.now = trial.finished;
    store.updateTrial(rnn.id, number, {
      state: trial.state,
      ...(trial.value === undefined ? {} : { value: trial.value }),
      ...(trial.reason === undefined ? {} : { failureReason: trial.reason }),
    });
    if (trial.state === 'FAILED') store.appendEvent(rnn.id, number, 'trial_failed', trial.reason ?? '');
  });
  clock.now = 20_000;
  const loss = store.createSweep(newSweep('loss', 'minimize', 'val_loss'));
  LOSS_VALUES.forEach((value, number) => {
    store.createTrial(loss.id, frozenTrial(number, { units: 8 * (number + 1) }));
    store.updateTrial(loss.id, number, { state: 'RUNNING', owner: 'owner-2' });
    store.appendMetrics(loss.id, [{ trialNumber: number, step: 1, metrics: { val_loss: value } }]);
    store.updateTrial(loss.id, number, { state: 'COMPLETE', value });
  });
  store.setSweepStatus(loss.id, 'finished');
  return { store, clock };
}
