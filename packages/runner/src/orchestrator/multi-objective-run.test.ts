import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSweepSpec, trackedMetricsOf } from '@loopsweep/core';
import { readDatabase } from '../test-support/read-database.js';
import { sweepWorkspaces } from '../test-support/sweep-workspace.js';
import { runSweep } from './run-sweep.js';
import { SweepControl } from './sweep-control.js';

const objective = fileURLToPath(new URL('../objectives/fixtures/two-objectives.mjs', import.meta.url));
const workspace = sweepWorkspaces('mo');

function spec(body: string) {
  return parseSweepSpec(
    `name: mo\nobjective: ${objective}\nmetrics:\n  - { name: acc, goal: maximize }\n  - { name: seconds, goal: minimize }\n` +
      `constraints:\n  - { metric: size, max: 60 }\n${body}`,
  );
}

describe('a multi-objective sweep through the orchestrator', () => {
  it('stores each trial’s final values as returned (or last reported), prunes with MO-ASHA, and resumes from the stored vectors', async () => {
    const { dbPath, store, executor } = workspace();
    const s = spec(
      'budget: { trials: 14, parallel: 2, max_epochs: 3 }\nsampler: { type: motpe, seed: 5, n_startup_trials: 4 }\npruner: { type: asha, min_epochs: 1 }\n' +
        'parameters:\n  x0: { uniform: [0, 1] }\n  x1: { uniform: [0, 1] }',
    );
    const control = new SweepControl();
    let stopped = false;
    const first = await runSweep({
      store,
      executor,
      control,
      start: { kind: 'new', spec: s, specDir: process.cwd() },
      tickMs: 10,
      onEvent: (e) => {
        if (!stopped && e.type === 'progress' && e.progress.counts.COMPLETE + e.progress.counts.PRUNED >= 6) {
          stopped = true;
          control.stopAsking();
        }
      },
    });
    expect(first.status).toBe('interrupted');
    const before = first.trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED');
    // Reloaded as a resume would: the same final values and per-step vectors as the study held.
    const reloaded = store.loadTrials(store.getSweep('mo')!.id, trackedMetricsOf(s));
    for (const trial of before) {
      expect(reloaded[trial.number]?.values).toEqual(trial.values);
      expect([...(reloaded[trial.number]?.intermediateValues ?? [])]).toEqual([...(trial.intermediateValues ?? [])]);
    }

    const second = await runSweep({ store, executor, start: { kind: 'resume', name: 'mo', specDir: process.cwd() } });
    expect(second.status).toBe('finished');
    expect(second.trials).toHaveLength(14);
    for (const trial of before) expect(second.trials[trial.number]?.values).toEqual(trial.values);
    const complete = second.trials.filter((t) => t.state === 'COMPLETE');
    const pruned = second.trials.filter((t) => t.state === 'PRUNED');
    expect(complete.length).toBeGreaterThan(0);
    expect(pruned.length).toBeGreaterThan(0);
    for (const trial of complete) {
      const { x0, x1 } = trial.params as { x0: number; x1: number };
      // acc from the result (the final bump), seconds from the last report (the result leaves it out).
      expect(trial.values).toEqual({
        acc: expect.closeTo(x0 * (1 - 0.5 / 3) + 0.01, 12),
        seconds: expect.closeTo((1 + 9 * x0) * 3, 12),
        size: expect.closeTo(x1 * 100, 12),
      });
      expect(trial.value).toBe(trial.values?.['acc']);
    }
    for (const trial of pruned) {
      const last = Math.max(...trial.intermediate.keys());
      expect(last).toBeLessThan(3);
      expect(trial.values).toEqual(trial.intermediateValues?.get(last));
    }
    readDatabase(dbPath, (reader) => {
      const stored = reader.finalValues('mo');
      for (const trial of [...complete, ...pruned]) expect(stored.get(trial.number)).toEqual(trial.values);
    });
  });

  it('fails a trial whose result and reports never give one of the objectives, saying which', async () => {
    const { store, executor } = workspace();
    const s = spec(
      'budget: { trials: 1, max_epochs: 2 }\nsampler: { type: random, seed: 1 }\nparameters:\n  x0: { value: 0.5 }\n  x1: { value: 0.1 }\n  hide_seconds: { value: true }',
    );
    const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    expect(outcome.trials[0]).toMatchObject({ state: 'FAILED' });
    expect(store.loadTrials(store.getSweep('mo')!.id)[0]?.failureReason).toBe(
      "objective result has no finite 'seconds' (a multi-objective sweep needs every metric it optimizes)",
    );
  });
});
