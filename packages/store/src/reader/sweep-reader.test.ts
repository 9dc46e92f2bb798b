import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoreError } from '@loopsweep/core';
import { useSampleDatabase } from '../test-support/sample-database.js';
import { RNN_TRIALS } from '../test-support/sample-sweeps.js';
import { SweepReader } from './sweep-reader.js';

const sample = useSampleDatabase();
const { temp } = sample;

const numbers = (rows: readonly { number: number }[]): number[] => rows.map((row) => row.number);

describe('SweepReader.open', () => {
  it('says how to get a database when there is none', () => {
    const path = temp.file('missing.db');
    expect(() => SweepReader.open(path)).toThrow(new StoreError(`no database at ${path}; run \`sweep run <spec>\` first or pass --db`));
  });

  it('refuses an empty file as not a loopsweep database', () => {
    const path = temp.file('empty.db');
    writeFileSync(path, '');
    expect(() => SweepReader.open(path)).toThrow(/empty\.db is not a loopsweep database/);
  });
});

describe('SweepReader summaries', () => {
  it('lists every sweep with counts per state, the best trial in its direction, and times', () => {
    const sweeps = sample.reader.listSweeps();
    expect(sweeps.map((sweep) => sweep.name)).toEqual(['rnn', 'loss']);
    const [rnn, loss] = sweeps;
    expect(rnn).toMatchObject({
      name: 'rnn',
      objective: 'rnn-text',
      status: 'running',
      metric: 'val_accuracy',
      direction: 'maximize',
      createdAt: 100,
      total: 7,
      best: { number: 1, value: 0.9 },
    });
    expect(rnn?.counts).toEqual({ QUEUED: 1, RUNNING: 1, COMPLETE: 3, PRUNED: 1, FAILED: 1 });
    expect(rnn?.finishedAt).toBeUndefined();
    // The last change: trial 6 finished at 9 000.
    expect(rnn?.lastUpdatedAt).toBe(9_000);
    // Minimize, with a tie at 0.1: the lower number wins.
    expect(loss).toMatchObject({ status: 'finished', direction: 'minimize', finishedAt: 20_000, total: 4, best: { number: 1, value: 0.1 } });
    expect(loss?.counts).toEqual({ QUEUED: 0, RUNNING: 0, COMPLETE: 4, PRUNED: 0, FAILED: 0 });
  });

  it('summarizes one sweep, and nothing for an unknown name', () => {
    expect(sample.reader.summary('loss')).toEqual(sample.reader.listSweeps()[1]);
    expect(sample.reader.summary('nope')).toBeUndefined();
  });

  it('returns the record with the spec parsed back', () => {
    const record = sample.reader.getSweep('rnn');
    expect(record).toMatchObject({ name: 'rnn', specHash: 'hash-of-rnn', seed: 7, metric: 'val_accuracy' });
    expect((record?.spec as { nested: unknown }).nested).toEqual({ list: [1, 'two', true, null], unicode: 'é ✓' });
    expect(sample.reader.getSweep('nope')).toBeUndefined();
  });
});

describe('SweepReader.trials', () => {
  it('returns every trial by number with its fields and last step', () => {
    const rows = sample.reader.trials('rnn');
    expect(numbers(rows)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows.map((row) => row.params)).toEqual(RNN_TRIALS.map((trial) => trial.params));
    expect(rows[0]).toMatchObject({ state: 'COMPLETE', value: 0.8, attempt: 1, startedAt: 1_000, finishedAt: 5_000, lastStep: 3 });
    expect(rows[3]).toMatchObject({ state: 'FAILED', failureReason: 'diverged, "NaN" loss at\nstep 2', lastStep: 1 });
    expect(rows[5]?.lastStep).toBeUndefined();
    expect(rows[5]?.startedAt).toBeUndefined();
  });

  it('filters by state and by parameter values (strings, numbers, booleans, lists), never matching an inactive parameter', () => {
    expect(numbers(sample.reader.trials('rnn', { states: ['COMPLETE', 'PRUNED'] }))).toEqual([0, 1, 2, 6]);
    expect(numbers(sample.reader.trials('rnn', { params: { cell: 'lstm' } }))).toEqual([0, 2, 5]);
    expect(numbers(sample.reader.trials('rnn', { params: { units: 16 } }))).toEqual([1, 4]);
    expect(numbers(sample.reader.trials('rnn', { params: { lr: 0.01 } }))).toEqual([0, 3, 4]);
    expect(numbers(sample.reader.trials('rnn', { params: { bidirectional: true } }))).toEqual([0, 3, 4]);
    expect(numbers(sample.reader.trials('rnn', { params: { cell: ['gru', 'simple'] } }))).toEqual([1, 3, 4, 6]);
    expect(numbers(sample.reader.trials('rnn', { params: { momentum: [0.5, 0.9] } }))).toEqual([1, 3]);
    expect(numbers(sample.reader.trials('rnn', { params: { momentum: 0.9, cell: 'gru' }, states: ['COMPLETE'] }))).toEqual([1]);
    expect(sample.reader.trials('rnn', { params: { cell: [] } })).toEqual([]);
    expect(sample.reader.trials('rnn', { states: [] })).toEqual([]);
    expect(sample.reader.trials('rnn', { params: { no_such_param: 1 } })).toEqual([]);
    expect(sample.reader.trials('nope')).toEqual([]);
  });

  it('sorts by value with trials without one last in either order, ties by number', () => {
    expect(numbers(sample.reader.trials('rnn', { sort: 'value' }))).toEqual([2, 0, 6, 1, 3, 4, 5]);
    expect(numbers(sample.reader.trials('rnn', { sort: 'value', order: 'desc' }))).toEqual([1, 0, 6, 2, 3, 4, 5]);
  });

  it('sorts by start, by duration and by number descending', () => {
    expect(numbers(sample.reader.trials('rnn', { sort: 'started', order: 'desc' }))).toEqual([6, 4, 3, 2, 1, 0, 5]);
    // Durations: 0 → 4 000, 1 → 2 000, 2 → 500, 3 → 100, 6 → 2 000; 4 and 5 have none.
    expect(numbers(sample.reader.trials('rnn', { sort: 'duration' }))).toEqual([3, 2, 1, 6, 0, 4, 5]);
    expect(numbers(sample.reader.trials('rnn', { sort: 'number', order: 'desc' }))).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('pages with limit and offset after filtering and sorting', () => {
    expect(numbers(sample.reader.trials('rnn', { sort: 'value', order: 'desc', limit: 2 }))).toEqual([1, 0]);
    expect(numbers(sample.reader.trials('rnn', { sort: 'value', order: 'desc', limit: 2, offset: 2 }))).toEqual([6, 2]);
    expect(numbers(sample.reader.trials('rnn', { offset: 5 }))).toEqual([5, 6]);
    expect(sample.reader.trials('rnn', { limit: 0 })).toEqual([]);
  });

  it('refuses a bad query with an exact message before reading', () => {
    expect(() => sample.reader.trials('rnn', { sort: 'name; DROP TABLE trials' as 'number' })).toThrow(
      new RangeError("query.sort must be one of number, value, started, duration (got 'name; DROP TABLE trials')"),
    );
    expect(() => sample.reader.trials('rnn', { order: 'up' as 'asc' })).toThrow(new RangeError("query.order must be one of asc, desc (got 'up')"));
    expect(() => sample.reader.trials('rnn', { limit: -1 })).toThrow(new RangeError('query.limit must be a non-negative integer (got -1)'));
    expect(() => sample.reader.trials('rnn', { offset: 1.5 })).toThrow(new RangeError('query.offset must be a non-negative integer (got 1.5)'));
    expect(() => sample.reader.trials('rnn', { states: ['DONE' as 'COMPLETE'] })).toThrow(
      new RangeError("query.states[] must be one of QUEUED, RUNNING, COMPLETE, PRUNED, FAILED (got 'DONE')"),
    );
    expect(() => sample.reader.trials('rnn', { params: { cell: { $ne: 1 } as unknown as string } })).toThrow(
      new RangeError('query.params.cell must be a string, number or boolean, or a list of them (got {"$ne":1})'),
    );
    expect(sample.reader.trials('rnn')).toHaveLength(7);
  });
});

describe('SweepReader per trial', () => {
  it('returns a trial with every metric per step and its own events', () => {
    const detail = sample.reader.trial('rnn', 0);
    expect(detail).toMatchObject({ number: 0, state: 'COMPLETE', value: 0.8, lastStep: 3 });
    expect(detail?.metrics).toEqual([
      { step: 1, values: { loss: 1, val_accuracy: 0.5 } },
      { step: 2, values: { loss: 0.6, val_accuracy: 0.7 } },
      { step: 3, values: { loss: 0.4, val_accuracy: 0.8 } },
    ]);
    expect(detail?.events.map((event) => [event.trialNumber, event.kind, event.message])).toEqual([[0, 'trial_started', 'trial 0 started']]);
    expect(sample.reader.trial('rnn', 3)?.metrics).toEqual([{ step: 1, values: { loss: Number.NaN } }]);
    expect(sample.reader.trial('rnn', 99)).toBeUndefined();
    expect(sample.reader.trial('nope', 0)).toBeUndefined();
  });

  it('returns learning curves of one metric, for all trials or the ones asked for', () => {
    const curves = sample.reader.learningCurves('rnn', 'val_accuracy');
    expect([...curves.keys()]).toEqual([0, 1, 2, 4, 6]);
    expect(curves.get(0)).toEqual([
      [1, 0.5],
      [2, 0.7],
      [3, 0.8],
    ]);
    const some = sample.reader.learningCurves('rnn', 'loss', [3, 0, 5]);
    expect([...some.entries()]).toEqual([
      [
        0,
        [
          [1, 1],
          [2, 0.6],
          [3, 0.4],
        ],
      ],
      [3, [[1, Number.NaN]]],
    ]);
    expect(sample.reader.learningCurves('nope', 'loss').size).toBe(0);
    expect(sample.reader.metricNames('rnn')).toEqual(['loss', 'val_accuracy']);
  });

  it('ranks the best COMPLETE trials in the sweep direction', () => {
    expect(sample.reader.best('rnn').map((row) => [row.number, row.value])).toEqual([[1, 0.9]]);
    expect(sample.reader.best('rnn', 10).map((row) => [row.number, row.value])).toEqual([
      [1, 0.9],
      [0, 0.8],
      [6, 0.8],
    ]);
    expect(sample.reader.best('loss', 3).map((row) => [row.number, row.value])).toEqual([
      [1, 0.1],
      [3, 0.1],
      [2, 0.2],
    ]);
    expect(() => sample.reader.best('rnn', 0)).toThrow(new RangeError('top must be a positive integer (got 0)'));
    expect(sample.reader.best('nope')).toEqual([]);
  });

  it('returns events in order, after an id and up to a limit', () => {
    const all = sample.reader.events('rnn');
    expect(all.map((event) => event.kind)).toEqual([
      'sweep_started',
      'trial_started',
      'trial_started',
      'trial_started',
      'trial_started',
      'trial_failed',
      'trial_started',
      'trial_started',
    ]);
    expect(all[0]).toEqual({ id: all[0]?.id, at: 100, kind: 'sweep_started', message: 'started' });
    const after = sample.reader.events('rnn', { afterId: all[1]?.id ?? 0, limit: 2 });
    expect(after.map((event) => event.id)).toEqual([all[2]?.id, all[3]?.id]);
    expect(sample.reader.events('loss')).toEqual([]);
  });
});
