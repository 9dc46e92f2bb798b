import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { parseSweepSpec, SpecError } from '@loopsweep/core';
import { runSweep } from './run-sweep.js';
import { SweepControl } from './sweep-control.js';
import { readDatabase } from '../test-support/read-database.js';
import { sweepWorkspaces } from '../test-support/sweep-workspace.js';

const workspace = sweepWorkspaces('run');

function setup(threads = 2) {
  return workspace(`wasm:${threads}`);
}

function spec(body: string) {
  return parseSweepSpec(`name: t\nobjective: noop\nmetric: { name: value, goal: minimize }\n${body}`);
}

describe('runSweep', () => {
  it('runs a sweep to its budget on two threads and stores every trial, curve and event', async () => {
    const { dbPath, store, executor } = setup();
    const s = spec(
      `budget: { trials: 6, max_epochs: 3 }\nsampler: { type: random, seed: 3 }\nparameters:\n  x: { uniform: [0, 1] }\n  opt: { values: [a, b] }\n  noop_sleep_ms: { value: 20 }`,
    );
    const snapshots: number[] = [];
    const outcome = await runSweep({
      store,
      executor,
      start: { kind: 'new', spec: s, specDir: process.cwd() },
      onEvent: (e) => {
        if (e.type === 'progress') snapshots.push(e.progress.counts.COMPLETE);
      },
    });
    expect(outcome.status).toBe('finished');
    expect(outcome.trials.map((t) => t.state)).toEqual(new Array(6).fill('COMPLETE'));
    // Progress arrives from the first snapshot (nothing done) to the last (all done).
    expect(snapshots[0]).toBe(0);
    expect(snapshots.at(-1)).toBe(6);
    readDatabase(dbPath, (reader) => {
      const rows = reader.trials('t', { sort: 'number' });
      expect(rows.map((r) => r.state)).toEqual(new Array(6).fill('COMPLETE'));
      // Two slots: at least two trials ran at the same time.
      const overlapping = rows.some((a) => rows.some((b) => a.number < b.number && a.startedAt! < b.finishedAt! && b.startedAt! < a.finishedAt!));
      expect(overlapping).toBe(true);
      expect(rows.map((r) => r.value)).toEqual(outcome.trials.map((t) => t.value));
      const curves = reader.learningCurves('t', 'value');
      expect([...curves.values()].map((c) => c.map(([step]) => step))).toEqual(new Array(6).fill([1, 2, 3]));
      expect(reader.best('t', 1)[0]!.value).toBe(outcome.best!.value);
      expect(reader.getSweep('t')!.status).toBe('finished');
      const kinds = reader.events('t').map((e) => e.kind);
      expect(kinds.filter((k) => k === 'trial_started')).toHaveLength(6);
      expect(kinds.at(-1)).toBe('sweep_finished');
    });
  });

  it('records failures as data: error, divergence, a crashed thread (retried by policy), NaN', async () => {
    const { dbPath, store, executor } = setup();
    const s = spec(
      `budget: { max_epochs: 2, retries: 1 }\nsampler: { type: grid, seed: 0 }\nparameters:\n  noop_fail: { values: [throw, diverge, crash, nan, none] }`,
    );
    const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    expect(outcome.status).toBe('finished');
    readDatabase(dbPath, (reader) => {
      const byFail = Object.fromEntries(reader.trials('t', { sort: 'number' }).map((r) => [r.params['noop_fail'], r]));
      expect(byFail['none']!.state).toBe('COMPLETE');
      expect(byFail['throw']).toMatchObject({ state: 'FAILED', attempt: 1 });
      expect(byFail['throw']!.failureReason).toMatch(/^error: /);
      expect(byFail['diverge']!.failureReason).toMatch(/^diverged: /);
      expect(byFail['crash']).toMatchObject({ state: 'FAILED', attempt: 2 });
      expect(byFail['crash']!.failureReason).toMatch(/^crashed: /);
      expect(byFail['nan']!.state).toBe('FAILED');
      expect(reader.events('t').some((e) => e.kind === 'trial_retried')).toBe(true);
    });
  });

  it('prunes through the pruner and records the decision', async () => {
    // One thread: trials run in order, so the pruner's history is the same on every run.
    const { dbPath, store, executor } = setup(1);
    // noop's curves climb to a fixed pseudo-random value per trial; the median pruner stops those
    // below the others' median once 2 trials finished. The sleep lets the prune land mid-trial.
    const s = spec(
      `budget: { trials: 8, max_epochs: 4 }\nsampler: { type: grid, seed: 0 }\npruner: { type: median, min_trials: 2 }\nparameters:\n  x: { values: [0.1, 0.2, 0.9, 0.95, 0.97, 0.99, 0.3, 0.98] }\n  noop_sleep_ms: { value: 20 }`,
    );
    await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    readDatabase(dbPath, (reader) => {
      const states = reader.trials('t', { sort: 'number' }).map((r) => r.state);
      expect(states.filter((st) => st === 'PRUNED').length).toBeGreaterThan(0);
      expect(reader.events('t').some((e) => e.kind === 'trial_pruned')).toBe(true);
    });
  });

  it('stops asking when told, then resume finishes the budget without losing a trial', async () => {
    const { dbPath, store, executor } = setup();
    const s = spec(
      `budget: { trials: 8, max_epochs: 2 }\nsampler: { type: random, seed: 1 }\nparameters:\n  x: { uniform: [0, 1] }\n  noop_sleep_ms: { value: 40 }`,
    );
    const control = new SweepControl();
    let stopped = false;
    const first = await runSweep({
      store,
      executor,
      control,
      start: { kind: 'new', spec: s, specDir: process.cwd() },
      // Progress every 10 ms, not every 250: under load the default throttle let all 8 trials end
      // before the snapshot that shows two complete, and the sweep finished instead of stopping.
      tickMs: 10,
      onEvent: (e) => {
        if (!stopped && e.type === 'progress' && e.progress.counts.COMPLETE >= 2) {
          stopped = true;
          control.stopAsking();
        }
      },
    });
    expect(first.status).toBe('interrupted');
    const completedBefore = first.trials.filter((t) => t.state === 'COMPLETE').map((t) => [t.number, t.value]);
    expect(first.trials.length).toBeLessThan(8);
    const second = await runSweep({ store, executor, start: { kind: 'resume', name: 't', specDir: process.cwd() } });
    expect(second.status).toBe('finished');
    expect(second.trials).toHaveLength(8);
    for (const [number, value] of completedBefore) expect(second.trials[number as number]!.value).toBe(value);
    readDatabase(dbPath, (reader) => expect(reader.getSweep('t')!.status).toBe('finished'));
  });

  it('refuses an unknown objective before writing anything', async () => {
    const { dbPath, store, executor } = setup();
    const s = parseSweepSpec(
      `name: t\nobjective: transformer\nmetric: { name: v, goal: minimize }\nbudget: { trials: 1 }\nparameters:\n  x: { uniform: [0, 1] }`,
    );
    await expect(runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } })).rejects.toBeInstanceOf(SpecError);
    readDatabase(dbPath, (reader) => expect(reader.listSweeps()).toHaveLength(0));
  });

  it('fails a trial whose objective never reports the tracked metric, naming what it reported', async () => {
    const { dbPath, store, executor } = setup();
    const s = parseSweepSpec(
      `name: t\nobjective: noop\nmetric: { name: val_accuracy, goal: maximize }\nbudget: { trials: 1, max_epochs: 2 }\nparameters:\n  x: { uniform: [0, 1] }`,
    );
    await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    readDatabase(dbPath, (reader) => {
      const [row] = reader.trials('t');
      expect(row!.state).toBe('FAILED');
      expect(row!.failureReason).toMatch(/metric 'val_accuracy' was not reported at step 1; the objective reported: value/);
    });
  });
});

describe('resume after a crash', () => {
  it('re-queues trials whose runner died and refuses while their runner is alive', async () => {
    const { dbPath, store, executor } = setup();
    const s = spec(`budget: { trials: 4, max_epochs: 2 }\nsampler: { type: random, seed: 2 }\nparameters:\n  x: { uniform: [0, 1] }`);
    const control = new SweepControl();
    control.stopAsking(); // records the sweep, runs nothing
    await runSweep({ store, executor, control, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    const sweepId = store.getSweep('t')!.id;
    // Two trials left RUNNING: one by a live process (this one), one by a dead pid on this host.
    const host = os.hostname();
    store.createTrial(sweepId, { number: 0, state: 'QUEUED', params: { x: 0.5 }, intermediate: new Map(), attempt: 1 });
    store.updateTrial(sweepId, 0, { state: 'RUNNING', owner: `${host}:${process.pid}:feedbeef` });
    await expect(runSweep({ store, executor, start: { kind: 'resume', name: 't', specDir: process.cwd() } })).rejects.toThrow(
      `sweep 't' is still running (pid ${process.pid} on ${host}`,
    );
    store.updateTrial(sweepId, 0, { state: 'RUNNING', owner: `${host}:2147483646:deadbeef` });
    store.appendMetrics(sweepId, [{ trialNumber: 0, step: 1, metrics: { value: 0.1 } }]);
    const outcome = await runSweep({ store, executor, start: { kind: 'resume', name: 't', specDir: process.cwd() } });
    expect(outcome.status).toBe('finished');
    expect(outcome.trials).toHaveLength(4);
    expect(outcome.trials[0]).toMatchObject({ state: 'COMPLETE', attempt: 2 });
    readDatabase(dbPath, (reader) => {
      expect(reader.trial('t', 0)!.metrics.map((m) => m.step)).toEqual([1, 2]);
      expect(reader.events('t').some((e) => e.kind === 'trial_retried' && /died/.test(e.message))).toBe(true);
    });
  });
});

describe('a real rnn-text trial', () => {
  it('records the backend and device it trained on with the trial', async () => {
    const { dbPath, store, executor } = setup(1);
    const s = parseSweepSpec(`name: t
objective: rnn-text
dataset: { name: spamassassin, limit: 150, max_len: 24, vocab: 500 }
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 1, max_epochs: 1 }
sampler: { type: random, seed: 1 }
parameters:
  cell: { value: gru }
  units: { value: 8 }
  embedding_dim: { value: 8 }`);
    const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    expect(outcome.trials[0]!.state).toBe('COMPLETE');
    readDatabase(dbPath, (reader) => {
      const detail = reader.trial('t', 0)!;
      expect(detail.events.map((e) => e.message)).toContainEqual(expect.stringMatching(/^backend wasm: WebAssembly SIMD/));
      // Final metrics the objective returned (test scores) are stored with the last epoch.
      expect(Object.keys(detail.metrics.at(-1)!.values)).toEqual(
        expect.arrayContaining(['val_accuracy', 'test_accuracy', 'parameters', 'train_seconds', 'inference_ms_per_example']),
      );
    });
  });

  it('stops a sweep whose first trials all fail the same way, re-queueing what was running', async () => {
    const { dbPath, store, executor } = setup();
    const s = spec(
      'budget: { trials: 20, max_epochs: 2 }\nsampler: { type: random, seed: 1 }\nparameters:\n  x: { uniform: [0, 1] }\n  noop_fail: { value: throw }',
    );
    const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.failedTrials).toHaveLength(3);
    expect(outcome.reason).toMatch(/^the first 3 trials \(#\d, #\d, #\d\) all failed the same way: error: Error: noop failed on purpose after step 1$/);
    // Nothing else ran to the end; a trial still running when the policy fired waits for a resume.
    expect(outcome.trials.length).toBeLessThan(6);
    expect(outcome.trials.filter((t) => t.state !== 'FAILED').every((t) => t.state === 'QUEUED')).toBe(true);
    readDatabase(dbPath, (reader) => {
      expect(reader.getSweep('t')?.status).toBe('failed');
      expect(reader.trials('t').filter((t) => t.state === 'FAILED')).toHaveLength(outcome.trials.filter((t) => t.state === 'FAILED').length);
    });
  });

  it('runs a sweep with diverged trials to its budget: divergence is data', async () => {
    const { store, executor } = setup();
    const s = spec('budget: { max_epochs: 2 }\nsampler: { type: grid }\nparameters:\n  x: { values: [1, 2, 3] }\n  noop_fail: { values: [diverge, none] }');
    const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    expect(outcome.status).toBe('finished');
    expect(outcome.trials.map((t) => t.state).sort()).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'FAILED', 'FAILED', 'FAILED']);
  });
});
