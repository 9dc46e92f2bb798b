import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';
import { initialSchema } from './001-initial-schema.js';
import { migrate } from './migrate.js';
import { SCHEMA_VERSION } from './migrations.js';

describe('migration 2: metrics by (trial, step)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it("upgrades a schema-1 database with its rows, and a trial's last step then reads through the new index", () => {
    const path = temp.file('v1.db');
    // A database as the first release left it: schema 1, one trial with metrics.
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, path, [initialSchema]);
    old
      .prepare(
        "INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES ('s', '{}', 'h', 'acc', 'maximize', 'noop', 'running', 1, 1)",
      )
      .run();
    old.prepare("INSERT INTO trials (sweep_id, number, state, params, updated_at) VALUES (1, 0, 'RUNNING', '{}', 1)").run();
    const insert = old.prepare('INSERT INTO metrics (trial_id, name, step, value) VALUES (1, ?, ?, ?)');
    for (const [name, step] of [
      ['acc', 1],
      ['loss', 1],
      ['acc', 2],
      ['loss', 3],
    ] as const)
      insert.run(name, step, 0.5);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    // The writer upgrades it on open; the rows stay.
    SqliteTrialStore.open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'metrics_by_trial_step'").get()).toEqual({
      sql: 'CREATE INDEX metrics_by_trial_step ON metrics (trial_id, step)',
    });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT MAX(step) FROM metrics WHERE trial_id = ?').all(1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('metrics_by_trial_step');
    db.close();
    const reader = SweepReader.open(path);
    expect(reader.trials('s')).toMatchObject([{ number: 0, lastStep: 3 }]);
    reader.close();
  });

  it('is in every new database', () => {
    const path = temp.file('new.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('fresh'));
    store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'metrics_by_trial_step'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('leaves a schema-1 database readable as it is: a reader neither refuses nor upgrades it', () => {
    const path = temp.file('v1-read.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, path, [initialSchema]);
    old
      .prepare(
        "INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES ('s', '{}', 'h', 'acc', 'maximize', 'noop', 'running', 1, 1)",
      )
      .run();
    old.prepare("INSERT INTO trials (sweep_id, number, state, params, value, updated_at) VALUES (1, 0, 'COMPLETE', '{}', 0.5, 1)").run();
    old.close();

    const reader = SweepReader.open(path);
    expect(reader.summary('s')).toMatchObject({ total: 1, best: { number: 0, value: 0.5 } });
    reader.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});
