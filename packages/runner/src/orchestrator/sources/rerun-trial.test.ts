/**
 * A new kind of trial is one source file: RerunTrial runs a finished trial's configuration again
 * with other seeds, and a resumed sweep runs only the seeds still missing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { noopValue } from '../../objectives/noop.js';
import { parseSweepSpec } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';
import { ThreadPoolExecutor } from '../../executor/thread-pool-executor.js';
import { runSweep } from '../run-sweep.js';
import { SweepControl } from '../sweep-control.js';
import { RerunTrial } from './rerun-trial.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-rerun-'));
  dirs.push(dir);
  return path.join(dir, 'sweep.db');
}

const spec = parseSweepSpec(
  'name: r\nobjective: noop\nmetric: { name: value, goal: maximize }\nbudget: { trials: 2, max_epochs: 2 }\nsampler: { type: random, seed: 9 }\nparameters:\n  x: { uniform: [0, 1] }',
);

describe('RerunTrial', () => {
  it('runs trial 0 again with each seed, stored with its seed, stage and origin', async () => {
    const db = database();
    const store = SqliteTrialStore.open(db);
    const executor = new ThreadPoolExecutor({ threads: 2 });
    try {
      const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() }, sources: [new RerunTrial(0, [101, 202])] });
      expect(outcome.status).toBe('finished');
      const reruns = outcome.trials.filter((t) => t.stage === 'rerun');
      expect(reruns.map((t) => [t.origin, t.seed])).toEqual([
        [0, 101],
        [0, 202],
      ]);
      const original = outcome.trials[0]!;
      for (const rerun of reruns) {
        expect(rerun.params).toEqual(original.params);
        // noop's value depends on the seed it ran with: the re-run really used its own seed.
        expect(rerun.value).toBe(noopValue(original.params, rerun.seed!));
      }
      // The sampler's budget counts its own trials only.
      expect(outcome.trials.filter((t) => t.stage === undefined)).toHaveLength(2);
      expect(store.loadTrials(outcome.sweep.id).map((t) => [t.stage ?? 'search', t.seed, t.origin])).toEqual(
        outcome.trials.map((t) => [t.stage ?? 'search', t.seed, t.origin]),
      );
    } finally {
      await executor.close();
      store.close();
    }
  });

  it('resumed, runs only the seeds that have not run', async () => {
    const db = database();
    const control = new SweepControl();
    let store = SqliteTrialStore.open(db);
    let executor = new ThreadPoolExecutor({ threads: 1 });
    // Stop asking once the first re-run has started: the second seed is left for the resume.
    const first = await runSweep({
      store,
      executor,
      control,
      start: { kind: 'new', spec, specDir: process.cwd() },
      sources: [new RerunTrial(0, [101, 202])],
      onEvent: (event) => {
        if (event.type === 'log' && event.trialNumber !== undefined && event.trialNumber >= 1) control.stopAsking();
      },
    });
    await executor.close();
    store.close();
    expect(first.status).toBe('interrupted');
    const ranFirst = first.trials.filter((t) => t.stage === 'rerun').map((t) => t.seed);
    expect(ranFirst.length).toBeLessThan(2);

    store = SqliteTrialStore.open(db);
    executor = new ThreadPoolExecutor({ threads: 1 });
    try {
      const resumed = await runSweep({
        store,
        executor,
        start: { kind: 'resume', name: 'r', specDir: process.cwd() },
        sources: [new RerunTrial(0, [101, 202])],
      });
      expect(resumed.status).toBe('finished');
      expect(resumed.trials.filter((t) => t.stage === 'rerun').map((t) => t.seed)).toEqual([101, 202]);
      expect(resumed.trials.every((t) => t.state === 'COMPLETE')).toBe(true);
    } finally {
      await executor.close();
      store.close();
    }
  });

  it('refuses a seed or origin that is not an integer in range', () => {
    expect(() => new RerunTrial(-1, [1])).toThrow(new RangeError('rerun: origin must be a trial number (an integer >= 0), got -1'));
    expect(() => new RerunTrial(0, [1.5])).toThrow(new RangeError('rerun: seeds must be integers in [0, 2^32), got 1.5'));
  });
});
