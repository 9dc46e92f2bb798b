/**
 * A 10,000-trial sweep written straight through the real writer (SqliteTrialStore) in batches:
 * running that many trials through the runner would take minutes for nothing the page needs.
 * Optimizer decides the ceiling (adam best), the rest is noise; ~5% diverge, ~15% are pruned.
 */
import { createRandom, parseSweepSpec, sweepSpecDocument, type Params } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

export const LARGE_SPEC = `
name: large
objective: noop
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 10000, parallel: 8, max_epochs: 10 }
sampler: { type: random, seed: 1 }
pruner: { type: asha, min_epochs: 1, reduction_factor: 3 }
parameters:
  cell:      { values: [simple, lstm, gru] }
  optimizer: { values: [sgd, momentum, adam, rmsprop] }
  lr:        { log_uniform: [1.0e-4, 1.0e-1] }
  momentum:  { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  clip:      { values: [none, value, global_norm] }
  units:     { int_log_uniform: [16, 256] }
  dropout:   { uniform: [0.0, 0.5] }
`;

const CEILING: Readonly<Record<string, number>> = { sgd: 0.7, momentum: 0.78, adam: 0.9, rmsprop: 0.85 };

export function writeLargeSweep(dbPath: string, trials = 10_000, epochs = 10): void {
  const spec = parseSweepSpec(LARGE_SPEC);
  const store = SqliteTrialStore.open(dbPath);
  try {
    const sweep = store.createSweep({
      name: spec.name,
      spec: sweepSpecDocument(spec),
      specHash: 'large',
      metric: 'val_accuracy',
      direction: 'maximize',
      objective: 'noop',
      seed: 1,
    });
    const random = createRandom(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let from = 0; from < trials; from += 100) {
      store.batch(() => {
        for (let number = from; number < Math.min(trials, from + 100); number++) {
          const optimizer = pick(['sgd', 'momentum', 'adam', 'rmsprop']);
          const params: Params = {
            cell: pick(['simple', 'lstm', 'gru']),
            optimizer,
            lr: 10 ** (-4 + 3 * random()),
            ...(optimizer === 'momentum' ? { momentum: 0.5 + 0.49 * random() } : {}),
            clip: pick(['none', 'value', 'global_norm']),
            units: Math.round(2 ** (4 + 4 * random())),
            dropout: 0.5 * random(),
          };
          const ceiling = CEILING[optimizer]! - 0.1 * random();
          const roll = random();
          const ran = roll < 0.2 ? 1 + Math.floor(random() * 3) : epochs;
          store.createTrial(sweep.id, { number, state: 'QUEUED', params, intermediate: new Map(), attempt: 1 });
          store.updateTrial(sweep.id, number, { state: 'RUNNING', owner: 'e2e' });
          const rows = Array.from({ length: ran }, (_, index) => {
            const progress = 1 - Math.exp(-(index + 1) / 3);
            return { trialNumber: number, step: index + 1, metrics: { val_accuracy: 0.5 + (ceiling - 0.5) * progress, loss: 1 - 0.9 * progress } };
          });
          store.appendMetrics(sweep.id, rows);
          const value = rows.at(-1)!.metrics.val_accuracy;
          if (roll < 0.05) store.updateTrial(sweep.id, number, { state: 'FAILED', failureReason: `diverged: loss is NaN at epoch ${ran}` });
          else if (roll < 0.2) store.updateTrial(sweep.id, number, { state: 'PRUNED', value });
          else store.updateTrial(sweep.id, number, { state: 'COMPLETE', value });
        }
      });
    }
    store.setSweepStatus(sweep.id, 'finished');
  } finally {
    store.close();
  }
}
