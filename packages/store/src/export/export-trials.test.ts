import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, mixSeed } from '@loopsweep/core';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { RNN_TRIALS, writeSampleSweeps } from '../test-support/sample-sweeps.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';
import { exportTrials, type ExportFormat } from './export-trials.js';

const temp = tempDir();
let store: SqliteTrialStore;
let reader: SweepReader;

beforeAll(() => {
  ({ store } = writeSampleSweeps(temp.file('export.db')));
  reader = SweepReader.open(temp.file('export.db'));
});
afterAll(() => {
  reader.close();
  store.close();
  temp.cleanup();
});

describe('exportTrials as CSV', () => {
  it('writes a header and one row per trial that a CSV parser reads back exactly', () => {
    const rows = parse(exportTrials(reader, 'rnn', 'csv'));
    expect(rows[0]).toEqual([
      'number',
      'state',
      'value',
      'attempt',
      'started_at',
      'finished_at',
      'duration_s',
      'failure_reason',
      'stage',
      'seed',
      'origin',
      // The spec's parameters in the spec's order, then the others as the trials show them.
      'param_optimizer',
      'param_momentum',
      'param_units',
      'param_cell',
      'param_lr',
      'param_bidirectional',
      // The tracked metric first.
      'metric_val_accuracy',
      'metric_loss',
    ]);
    expect(rows).toHaveLength(1 + RNN_TRIALS.length);
    // The sample trials were stored without a seed: each shows the one it ran with.
    expect(rows[1]).toEqual([
      '0',
      'COMPLETE',
      '0.8',
      '1',
      '1970-01-01T00:00:01.000Z',
      '1970-01-01T00:00:05.000Z',
      '4',
      '',
      'search',
      String(mixSeed(7, 0)),
      '',
      'adam',
      '',
      '32',
      'lstm',
      '0.01',
      'true',
      '0.8',
      '0.4',
    ]);
    expect(rows[2]?.slice(11, 13)).toEqual(['momentum', '0.9']);
  });

  it('quotes a failure reason with commas, quotes and a line break so it round-trips', () => {
    const text = exportTrials(reader, 'rnn', 'csv');
    expect(text).toContain('"diverged, ""NaN"" loss at\nstep 2"');
    const failed = parse<Record<string, string>>(text, { columns: true })[3];
    expect(failed).toMatchObject({
      number: '3',
      state: 'FAILED',
      value: '',
      failure_reason: 'diverged, "NaN" loss at\nstep 2',
      duration_s: '0.1',
      metric_loss: 'NaN',
      metric_val_accuracy: '',
    });
  });

  it('leaves times and values empty for a trial that has none', () => {
    const queued = parse<Record<string, string>>(exportTrials(reader, 'rnn', 'csv'), { columns: true })[5];
    expect(queued).toMatchObject({
      number: '5',
      state: 'QUEUED',
      value: '',
      started_at: '',
      finished_at: '',
      duration_s: '',
      param_momentum: '',
      metric_val_accuracy: '',
      metric_loss: '',
    });
  });
});

describe('exportTrials as JSON', () => {
  it('holds the sweep record with its spec and every trial with its params and metrics per step', () => {
    const document = JSON.parse(exportTrials(reader, 'rnn', 'json')) as {
      sweep: Record<string, unknown>;
      trials: {
        number: number;
        state: string;
        value: number | null;
        failureReason: string | null;
        startedAt: number | null;
        params: unknown;
        metrics: Record<string, number | null>[];
      }[];
    };
    expect(document.sweep).toEqual({ ...reader.getSweep('rnn'), finishedAt: null });
    expect((document.sweep['spec'] as { name: string }).name).toBe('rnn');
    expect(document.trials.map((trial) => trial.number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(document.trials[0]).toEqual({
      number: 0,
      state: 'COMPLETE',
      value: 0.8,
      failureReason: null,
      attempt: 1,
      startedAt: 1_000,
      finishedAt: 5_000,
      stage: 'search',
      seed: mixSeed(7, 0),
      origin: null,
      params: RNN_TRIALS[0]?.params,
      metrics: [
        { step: 1, val_accuracy: 0.5, loss: 1 },
        { step: 2, val_accuracy: 0.7, loss: 0.6 },
        { step: 3, val_accuracy: 0.8, loss: 0.4 },
      ],
    });
    // NaN has no JSON spelling: null.
    expect(document.trials[3]?.metrics).toEqual([{ step: 1, loss: null }]);
    expect(document.trials[5]).toMatchObject({ state: 'QUEUED', value: null, startedAt: null, metrics: [] });
  });
});

describe("exportTrials: trials' seed, stage and origin", () => {
  const other = tempDir();
  afterAll(() => other.cleanup());

  it('writes the stored seed, the stage and the trial a replicate re-runs, in CSV and JSON', () => {
    const path = other.file('replicates.db');
    const writer = SqliteTrialStore.open(path);
    const sweep = writer.createSweep(newSweep('replicates'));
    writer.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 0.9, seed: 42 }));
    writer.createTrial(sweep.id, frozenTrial(1, { units: 8 }, 'QUEUED', { seed: 43, stage: 'rerun', origin: 0 }));
    writer.close();
    const replicates = SweepReader.open(path);
    try {
      const csv: Record<string, string>[] = parse(exportTrials(replicates, 'replicates', 'csv'), { columns: true });
      expect(csv.map(({ number, stage, seed, origin }) => ({ number, stage, seed, origin }))).toEqual([
        { number: '0', stage: 'search', seed: '42', origin: '' },
        { number: '1', stage: 'rerun', seed: '43', origin: '0' },
      ]);
      const json = JSON.parse(exportTrials(replicates, 'replicates', 'json')) as { trials: { stage: string; seed: number; origin: number | null }[] };
      expect(json.trials.map(({ stage, seed, origin }) => ({ stage, seed, origin }))).toEqual([
        { stage: 'search', seed: 42, origin: null },
        { stage: 'rerun', seed: 43, origin: 0 },
      ]);
    } finally {
      replicates.close();
    }
  });
});

describe('exportTrials of a multi-objective sweep', () => {
  const other = tempDir();
  afterAll(() => other.cleanup());

  it('adds each trial’s final values, the spec’s objectives first, in CSV (final_<name>) and JSON (values)', () => {
    const path = other.file('mo.db');
    const writer = SqliteTrialStore.open(path);
    const spec = {
      metrics: [
        { name: 'seconds', goal: 'minimize' },
        { name: 'acc', goal: 'maximize' },
      ],
      constraints: [{ metric: 'size', max: 10 }],
    };
    const sweep = writer.createSweep({ ...newSweep('mo'), spec });
    writer.createTrial(sweep.id, { ...frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 12 }), values: { acc: 0.9, seconds: 12, size: 4 } });
    writer.createTrial(sweep.id, { ...frozenTrial(1, { units: 16 }, 'COMPLETE', { value: 7 }), values: { acc: Number.NaN, seconds: 7, size: 20 } });
    writer.createTrial(sweep.id, frozenTrial(2, { units: 32 }, 'QUEUED'));
    writer.close();
    const mo = SweepReader.open(path);
    try {
      const csv: Record<string, string>[] = parse(exportTrials(mo, 'mo', 'csv'), { columns: true });
      expect(Object.keys(csv[0] as object).filter((key) => key.startsWith('final_'))).toEqual(['final_seconds', 'final_acc', 'final_size']);
      expect(csv.map((row) => [row['final_seconds'], row['final_acc'], row['final_size']])).toEqual([
        ['12', '0.9', '4'],
        ['7', 'NaN', '20'],
        ['', '', ''],
      ]);
      const json = JSON.parse(exportTrials(mo, 'mo', 'json')) as { trials: { values: unknown }[] };
      expect(json.trials.map((trial) => trial.values)).toEqual([{ seconds: 12, acc: 0.9, size: 4 }, { seconds: 7, acc: null, size: 20 }, null]);
      // A one-metric sweep's export has neither.
      expect(exportTrials(reader, 'rnn', 'csv').split('\n')[0]).not.toContain('final_');
      expect(JSON.parse(exportTrials(reader, 'rnn', 'json')).trials[0]).not.toHaveProperty('values');
    } finally {
      mo.close();
    }
  });
});

describe('exportTrials refusals', () => {
  it('names the sweeps there are when the name is unknown', () => {
    expect(() => exportTrials(reader, 'nope', 'csv')).toThrow(new StoreError(`no sweep named 'nope' in ${reader.path} (sweeps: rnn, loss)`));
  });

  it('refuses an unknown format', () => {
    expect(() => exportTrials(reader, 'rnn', 'xml' as ExportFormat)).toThrow(new RangeError("format must be one of csv, json (got 'xml')"));
  });
});
