import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial } from '../testing/fixtures.js';
import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import { trialSeedStageOrigin } from './003-trial-seed-stage-origin.js';
import { migrate } from './migrate.js';

const SWEEP = { name: 'mo', spec: {}, specHash: 'h', metric: 'acc', direction: 'maximize', objective: 'noop', seed: 0 } as const;

describe("migration 4: multi-objective trials' final values", () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('leaves a schema-3 file readable (no final values), and upgrades it on the writer’s open', () => {
    const path = temp.file('v3.db');
    const old = new Database(path);
    migrate(old, path, [initialSchema, metricsByTrialStep, trialSeedStageOrigin]);
    old
      .prepare(
        "INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES ('s', '{}', 'h', 'acc', 'maximize', 'noop', 'finished', 1, 1)",
      )
      .run();
    old.close();
    const reader = SweepReader.open(path);
    expect(reader.finalValues('s')).toEqual(new Map());
    expect(reader.trial('s', 0)).toBeUndefined();
    reader.close();
    const store = SqliteTrialStore.open(path);
    store.createTrial(1, { ...frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 0.9 }), values: { acc: 0.9, seconds: 12 } });
    store.close();
    const upgraded = SweepReader.open(path);
    expect(upgraded.finalValues('s')).toEqual(new Map([[0, { acc: 0.9, seconds: 12 }]]));
    expect(upgraded.trial('s', 0)?.finalValues).toEqual({ acc: 0.9, seconds: 12 });
    upgraded.close();
  });

  it('stores the values a trial finished with, reads them back with each step’s tracked metrics, and drops both on a retry', () => {
    const path = temp.file('mo.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(SWEEP);
    store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
    store.createTrial(sweep.id, frozenTrial(1, { units: 16 }));
    store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'me' });
    store.appendMetrics(sweep.id, [
      { trialNumber: 0, step: 1, metrics: { acc: 0.5, seconds: 1, loss: 2 } },
      { trialNumber: 0, step: 2, metrics: { acc: 0.7, seconds: Number.NaN, loss: 1 } },
    ]);
    store.updateTrial(sweep.id, 0, { state: 'COMPLETE', value: 0.8, values: { acc: 0.8, seconds: 2.5 } });

    const [done, queued] = store.loadTrials(sweep.id, ['acc', 'seconds']);
    expect(done?.values).toEqual({ acc: 0.8, seconds: 2.5 });
    expect([...(done?.intermediateValues ?? [])]).toEqual([
      [1, { acc: 0.5, seconds: 1 }],
      [2, { acc: 0.7, seconds: Number.NaN }],
    ]);
    expect(queued).not.toHaveProperty('values');
    // Without `tracked` (a one-metric sweep) nothing extra is read.
    expect(store.loadTrials(sweep.id)[0]).not.toHaveProperty('intermediateValues');

    store.updateTrial(sweep.id, 0, { state: 'QUEUED', attempt: 2 });
    const [retried] = store.loadTrials(sweep.id, ['acc', 'seconds']);
    expect(retried).not.toHaveProperty('values');
    expect(retried?.intermediateValues?.size).toBe(0);
    store.close();
    const reader = SweepReader.open(path);
    expect(reader.finalValues('mo')).toEqual(new Map());
    expect(reader.finalValues('nope')).toEqual(new Map());
    reader.close();
  });
});
