import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError, Study, describeObjective, parseSweepSpec, sweepSpecDocument, validateSweepSpec, createSampler, createPruner } from '@loopsweep/core';
import { SCHEMA_VERSION } from './migrations/migrations.js';
import { SweepReader } from './reader/sweep-reader.js';
import { SqliteTrialStore } from './sqlite-trial-store.js';
import { tempDir } from './test-support/temp-dir.js';
import { frozenTrial, newSweep } from './testing/fixtures.js';
import { describeTrialStoreConformance } from './testing/trial-store-conformance.js';

describeTrialStoreConformance('SqliteTrialStore', () => {
  const temp = tempDir();
  const path = temp.file('conformance.db');
  const store = SqliteTrialStore.open(path);
  return {
    store,
    cleanup: () => {
      store.close();
      temp.cleanup();
    },
    readEvents: (name) => {
      const reader = SweepReader.open(path);
      try {
        return reader.events(name).map((event) => ({ trialNumber: event.trialNumber ?? null, kind: event.kind, message: event.message }));
      } finally {
        reader.close();
      }
    },
  };
});

// DESIGN.md's example spec: conditional parameters, every kind of range, defaults left to fill in.
const SPEC_YAML = `
name: spam-rnn-strategies
objective: rnn-text
dataset: { name: spamassassin, max_len: 200, vocab: 10000, val_split: 0.2 }
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 60, parallel: 2, max_epochs: 8 }
sampler: { type: tpe, seed: 7 }
pruner:  { type: asha, min_epochs: 1, reduction_factor: 3 }
parameters:
  cell:       { values: [simple, lstm, gru] }
  optimizer:  { values: [sgd, momentum, adam] }
  lr:         { log_uniform: [1.0e-4, 1.0e-1] }
  momentum:   { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  units:      { int_log_uniform: [16, 256] }
  dropout:    { uniform: [0.0, 0.5] }
`;

function caught(action: () => unknown): StoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}

describe('SqliteTrialStore', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('keeps sweeps, trials, metrics and events across close and reopen', () => {
    const path = temp.file('reopen.db');
    let store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('kept'));
    store.createTrial(sweep.id, frozenTrial(0, { optimizer: 'momentum', momentum: 0.75, units: 8 }));
    store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'a' });
    store.appendMetrics(sweep.id, [{ trialNumber: 0, step: 1, metrics: { val_accuracy: 0.5 } }]);
    store.updateTrial(sweep.id, 0, { state: 'COMPLETE', value: 0.5 });
    store.appendEvent(sweep.id, 0, 'trial_completed', 'done');
    store.setSweepStatus(sweep.id, 'finished');
    const before = { sweep: store.getSweep('kept'), trials: store.loadTrials(sweep.id) };
    store.close();
    store.close(); // twice is harmless

    store = SqliteTrialStore.open(path);
    expect(store.getSweep('kept')).toEqual(before.sweep);
    expect(store.loadTrials(sweep.id)).toEqual(before.trials);
    expect(before.trials[0]?.value).toBe(0.5);
    expect([...(before.trials[0]?.intermediate ?? [])]).toEqual([[1, 0.5]]);
    store.close();
    const reader = SweepReader.open(path);
    expect(reader.events('kept').map((event) => event.message)).toEqual(['done']);
    reader.close();
  });

  it('creates the schema at SCHEMA_VERSION with WAL, and leaves an up-to-date file alone on reopen', () => {
    const path = temp.file('schema.db');
    SqliteTrialStore.open(path).close();
    SqliteTrialStore.open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((row) => row.name);
    expect(tables).toEqual(['checkpoints', 'events', 'metrics', 'sweeps', 'trial_params', 'trial_values', 'trials']);
    db.close();
  });

  it('stores each parameter in trial_params: numbers as num_value, strings and booleans as text', () => {
    const path = temp.file('params.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('params'));
    store.createTrial(sweep.id, frozenTrial(0, { optimizer: 'adam', units: 32, lr: 0.001, bidirectional: true, tied: false }));
    store.close();
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT name, num_value, text_value FROM trial_params ORDER BY name').all();
    expect(rows).toEqual([
      { name: 'bidirectional', num_value: null, text_value: 'true' },
      { name: 'lr', num_value: 0.001, text_value: null },
      { name: 'optimizer', num_value: null, text_value: 'adam' },
      { name: 'tied', num_value: null, text_value: 'false' },
      { name: 'units', num_value: 32, text_value: null },
    ]);
    db.close();
  });

  it("stores seed, stage and origin in their columns ('search' and NULLs when absent) and leaves stage 'search' out of the record", () => {
    const path = temp.file('provenance.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('provenance'));
    store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
    store.createTrial(sweep.id, frozenTrial(1, { units: 8 }, 'QUEUED', { seed: 5, stage: 'search' }));
    store.createTrial(sweep.id, frozenTrial(2, { units: 8 }, 'QUEUED', { seed: 6, stage: 'rerun', origin: 1 }));
    // A record as the Study created it comes back equal: 'search' is what an absent stage means.
    expect(store.loadTrials(sweep.id).map(({ number, seed, stage, origin }) => ({ number, seed, stage, origin }))).toEqual([
      { number: 0, seed: undefined, stage: undefined, origin: undefined },
      { number: 1, seed: 5, stage: undefined, origin: undefined },
      { number: 2, seed: 6, stage: 'rerun', origin: 1 },
    ]);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT number, seed, stage, origin FROM trials ORDER BY number').all()).toEqual([
      { number: 0, seed: null, stage: 'search', origin: null },
      { number: 1, seed: 5, stage: 'search', origin: null },
      { number: 2, seed: 6, stage: 'rerun', origin: 1 },
    ]);
    db.close();
  });

  it('refuses a trial whose seed, stage or origin the columns cannot hold, writing nothing', () => {
    const store = SqliteTrialStore.open(temp.file('bad-provenance.db'));
    const sweep = store.createSweep(newSweep('bad'));
    store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
    const refusal = (extra: Parameters<typeof frozenTrial>[3]) =>
      caught(() => store.createTrial(sweep.id, frozenTrial(1, { units: 8 }, 'QUEUED', extra))).message;
    const prefix = `cannot create trial 1 of sweep 'bad' in ${store.path}: `;
    expect(refusal({ seed: 1.5 })).toBe(`${prefix}seed must be a safe integer (got 1.5)`);
    expect(refusal({ seed: Number.NaN })).toBe(`${prefix}seed must be a safe integer (got NaN)`);
    expect(refusal({ stage: '' })).toBe(`${prefix}stage must be a non-empty string (got "")`);
    expect(refusal({ origin: -1 })).toBe(`${prefix}origin must be the number of another trial (got -1)`);
    expect(refusal({ origin: 1 })).toBe(`${prefix}origin must be the number of another trial (got 1)`);
    expect(refusal({ origin: 7 })).toBe(`${prefix}origin 7 is not a trial of the sweep`);
    expect(store.loadTrials(sweep.id).map((t) => t.number)).toEqual([0]);
    store.close();
  });

  it('stores the spec document so validateSweepSpec gives the same spec back, and a Study rebuilds from loadTrials', () => {
    const spec = parseSweepSpec(SPEC_YAML);
    const store = SqliteTrialStore.open(temp.file('spec.db'));
    const sweep = store.createSweep({
      name: spec.name,
      spec: sweepSpecDocument(spec),
      specHash: 'h',
      metric: spec.metric.name,
      direction: spec.metric.goal,
      objective: describeObjective(spec.objective),
      seed: 7,
    });
    const stored = store.getSweep(spec.name);
    expect(validateSweepSpec(stored?.spec)).toEqual(spec);

    store.createTrial(sweep.id, frozenTrial(0, { cell: 'lstm' }, 'RUNNING'));
    store.appendMetrics(sweep.id, [{ trialNumber: 0, step: 1, metrics: { val_accuracy: 0.7 } }]);
    store.updateTrial(sweep.id, 0, { state: 'COMPLETE', value: 0.7 });
    const study = new Study({
      space: spec.space,
      direction: spec.metric.goal,
      metric: spec.metric.name,
      sampler: createSampler(spec.sampler),
      pruner: createPruner(spec.pruner, { maxEpochs: spec.budget.max_epochs }),
      trials: store.loadTrials(sweep.id),
    });
    expect(study.trials[0]?.value).toBe(0.7);
    store.close();
  });

  it('stamps times from the injected clock, and change stamps strictly increase within a millisecond', () => {
    const path = temp.file('clock.db');
    let now = 1_000;
    const store = SqliteTrialStore.open(path, { clock: () => now });
    const sweep = store.createSweep(newSweep('clock'));
    expect(sweep.createdAt).toBe(1_000);
    store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
    store.createTrial(sweep.id, frozenTrial(1, { units: 9 }));
    now = 2_000;
    store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'o' });
    now = 2_500;
    store.updateTrial(sweep.id, 0, { state: 'COMPLETE', value: 1 });
    const [trial] = store.loadTrials(sweep.id);
    expect(trial).toMatchObject({ startedAt: 2_000, heartbeatAt: 2_000, finishedAt: 2_500 });
    store.close();
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT updated_at FROM trials ORDER BY number').all() as { updated_at: number }[]).map((row) => row.updated_at)).toEqual([
      2_500, 1_001,
    ]);
    db.close();
  });

  it('refuses a database written by a newer loopsweep, naming both versions, and leaves it unchanged', () => {
    const path = temp.file('newer.db');
    SqliteTrialStore.open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 41}`);
    db.close();
    const error = caught(() => SqliteTrialStore.open(path));
    expect(error.message).toBe(`${path} was written by a newer loopsweep (schema ${SCHEMA_VERSION + 41}, this one knows ${SCHEMA_VERSION}); upgrade loopsweep`);
    expect(caught(() => SweepReader.open(path)).message).toBe(error.message);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 41);
    after.close();
  });

  it('refuses a file that is not a database, naming it, without changing it', () => {
    const path = temp.file('notes.txt');
    const text = 'these are my notes, not a database\n'.repeat(200);
    writeFileSync(path, text);
    const error = caught(() => SqliteTrialStore.open(path));
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a loopsweep database/);
    expect(error.cause).toBeDefined();
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(caught(() => SweepReader.open(path)).message).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a loopsweep database`));
  });

  it('refuses a SQLite file that holds other tables', () => {
    const path = temp.file('foreign.db');
    const db = new Database(path);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    expect(caught(() => SqliteTrialStore.open(path)).message).toBe(
      `${path} is a SQLite database but not a loopsweep one (it has other tables); pass --db with another path`,
    );
  });

  it('refuses a path it cannot create, saying why and what to do', () => {
    const blocker = temp.file('a-file');
    writeFileSync(blocker, 'x');
    const path = `${blocker}/sub/loopsweep.db`;
    const error = caught(() => SqliteTrialStore.open(path));
    expect(error.message).toMatch(new RegExp(`^cannot create ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*ENOTDIR.*; pass --db with a writable path$`));
    expect(caught(() => SqliteTrialStore.open(temp.dir)).message).toMatch(/^cannot create .*: unable to open database file; pass --db with a writable path$/);
  });

  it('creates missing parent directories', () => {
    const path = temp.file('deep/er/loopsweep.db');
    const store = SqliteTrialStore.open(path);
    expect(store.createSweep(newSweep('deep')).name).toBe('deep');
    store.close();
  });

  it('throws a StoreError naming the operation after close', () => {
    const store = SqliteTrialStore.open(temp.file('closed.db'));
    store.close();
    const error = caught(() => store.getSweep('x'));
    expect(error.message).toMatch(/^get sweep failed on .*closed\.db: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('writes 500 metric rows in one call as one transaction: all visible at once, or none after a failure at row 400', () => {
    const path = temp.file('batch.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('batch'));
    for (let number = 0; number < 5; number++) store.createTrial(sweep.id, frozenTrial(number, { units: number }, 'RUNNING'));
    const rows = Array.from({ length: 500 }, (_, i) => ({ trialNumber: i % 5, step: Math.floor(i / 5), metrics: { val_accuracy: i / 500 } }));
    const reader = SweepReader.open(path);
    const cursor = reader.cursor('batch');
    if (cursor === undefined) throw new Error('no cursor');

    const failing = rows.map((row, i) => (i === 400 ? { ...row, trialNumber: 99 } : row));
    expect(caught(() => store.appendMetrics(sweep.id, failing)).message).toMatch(/trial 99/);
    expect(reader.changesSince('batch', cursor)?.metrics).toEqual([]);

    store.appendMetrics(sweep.id, rows);
    const changes = reader.changesSince('batch', cursor);
    expect(changes?.metrics).toHaveLength(500);
    expect(changes?.metrics.at(-1)).toMatchObject({ trialNumber: 4, step: 99, name: 'val_accuracy', value: 499 / 500 });
    expect(store.loadTrials(sweep.id).map((trial) => trial.intermediate.size)).toEqual([100, 100, 100, 100, 100]);
    reader.close();
    store.close();
  });
});
