import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mixSeed } from '@loopsweep/core';
import { exportTrials } from '../export/export-trials.js';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial } from '../testing/fixtures.js';
import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import { migrate } from './migrate.js';
import { SCHEMA_VERSION } from './migrations.js';

describe("migration 3: trials' seed, stage and origin", () => {
  let temp: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    temp = tempDir();
    // A database as the release before left it: schema 2, a sweep of seed 1 with one finished trial.
    path = temp.file('v2.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, path, [initialSchema, metricsByTrialStep]);
    old
      .prepare(
        "INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES ('s', '{}', 'h', 'acc', 'maximize', 'noop', 'finished', 1, 1)",
      )
      .run();
    old
      .prepare(
        "INSERT INTO trials (sweep_id, number, state, params, value, started_at, finished_at, updated_at) VALUES (1, 0, 'COMPLETE', '{\"units\":8}', 0.5, 1, 2, 2)",
      )
      .run();
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();
  });
  afterEach(() => temp.cleanup());

  it('leaves a schema-2 database readable as it is: its trials show the seed they ran with and the search stage', () => {
    const reader = SweepReader.open(path);
    const [trial] = reader.trials('s');
    expect(trial).toMatchObject({ number: 0, seed: mixSeed(1, 0), stage: 'search' });
    expect(trial).not.toHaveProperty('origin');
    expect(reader.trial('s', 0)).toMatchObject({ seed: mixSeed(1, 0), stage: 'search' });
    expect(reader.trials('s', { stages: ['search'] }).map((row) => row.number)).toEqual([0]);
    expect(reader.countTrials('s', { stages: ['rerun'] })).toBe(0);
    expect(exportTrials(reader, 's', 'csv').split('\n')[1]).toContain(`,search,${mixSeed(1, 0)},,`);
    reader.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('upgrades it on the writer’s open: old rows get no seed, the search stage and no origin', () => {
    const store = SqliteTrialStore.open(path);
    const [old] = store.loadTrials(1);
    expect(old).toMatchObject({ number: 0, state: 'COMPLETE', value: 0.5 });
    expect(old).not.toHaveProperty('seed');
    expect(old).not.toHaveProperty('stage');
    expect(old).not.toHaveProperty('origin');
    store.createTrial(1, frozenTrial(1, { units: 8 }, 'QUEUED', { seed: 9, stage: 'rerun', origin: 0 }));
    store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT number, seed, stage, origin FROM trials ORDER BY number').all()).toEqual([
      { number: 0, seed: null, stage: 'search', origin: null },
      { number: 1, seed: 9, stage: 'rerun', origin: 0 },
    ]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT number FROM trials WHERE sweep_id = ? AND stage = ?').all(1, 'rerun') as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('trials_by_stage');
    db.close();

    const reader = SweepReader.open(path);
    expect(reader.trials('s').map(({ number, seed, stage, origin }) => ({ number, seed, stage, origin }))).toEqual([
      { number: 0, seed: mixSeed(1, 0), stage: 'search', origin: undefined },
      { number: 1, seed: 9, stage: 'rerun', origin: 0 },
    ]);
    reader.close();
  });

  it('is read by a reader that opened the file at schema 2 once a writer upgrades it', () => {
    const reader = SweepReader.open(path);
    expect(reader.trials('s')).toHaveLength(1);
    const store = SqliteTrialStore.open(path);
    store.createTrial(1, frozenTrial(1, { units: 8 }, 'QUEUED', { seed: 9, stage: 'confirm', origin: 0 }));
    store.close();
    expect(reader.trials('s', { stages: ['confirm'] })).toMatchObject([{ number: 1, seed: 9, stage: 'confirm', origin: 0 }]);
    expect(reader.trial('s', 0)).toMatchObject({ seed: mixSeed(1, 0), stage: 'search' });
    reader.close();
  });
});
