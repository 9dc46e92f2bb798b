import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSampleSweeps } from '../test-support/sample-sweeps.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial } from '../testing/fixtures.js';
import type { SqliteTrialStore } from '../sqlite-trial-store.js';
import { NEW_METRICS_SQL } from './changes.js';
import { START_CURSOR } from './start-cursor.js';
import { SweepReader } from './sweep-reader.js';

describe('SweepReader.changesSince', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteTrialStore;
  let clock: { now: number };
  let reader: SweepReader;
  let rnnId: number;

  beforeEach(() => {
    temp = tempDir();
    ({ store, clock } = writeSampleSweeps(temp.file('changes.db')));
    reader = SweepReader.open(temp.file('changes.db'));
    rnnId = store.getSweep('rnn')?.id ?? -1;
  });
  afterEach(() => {
    reader.close();
    store.close();
    temp.cleanup();
  });

  it('returns the whole sweep from the start cursor, and nothing more when polled again', () => {
    const first = reader.changesSince('rnn', START_CURSOR);
    expect(first?.trials.map((trial) => trial.number).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // In change order: trial 6 finished last.
    expect(first?.trials.at(-1)?.number).toBe(6);
    expect(first?.metrics).toHaveLength(12);
    expect(first?.metrics.every((point) => point.trialNumber !== undefined)).toBe(true);
    expect(first?.events).toHaveLength(8);
    // The cursor covers every metric and event in the file, the other sweep's too.
    expect(first?.cursor).toEqual(reader.cursor('rnn'));
    const again = reader.changesSince('rnn', first?.cursor ?? START_CURSOR);
    expect(again).toEqual({ trials: [], metrics: [], events: [], cursor: first?.cursor });
  });

  it('sees each later change exactly once: updates, new trials, metrics re-reported, events — not heartbeats or other sweeps', () => {
    let cursor = reader.cursor('rnn') ?? START_CURSOR;
    clock.now = 30_000;
    store.heartbeat(rnnId, 'owner-1', 30_000);
    store.updateTrial(rnnId, 4, { state: 'COMPLETE', value: 0.95 });
    store.createTrial(rnnId, frozenTrial(7, { cell: 'gru' }));
    store.appendMetrics(rnnId, [{ trialNumber: 4, step: 1, metrics: { val_accuracy: 0.65 } }]); // re-reported
    store.appendMetrics(rnnId, [{ trialNumber: 4, step: 2, metrics: { val_accuracy: 0.95 } }]);
    store.appendEvent(rnnId, 4, 'trial_completed', 'done');
    const loss = store.getSweep('loss')?.id ?? -1;
    store.appendMetrics(loss, [{ trialNumber: 0, step: 2, metrics: { val_loss: 0.05 } }]);
    store.appendEvent(loss, null, 'info', 'elsewhere');

    const changes = reader.changesSince('rnn', cursor);
    // Both happened within the same millisecond of the fake clock; the stamps still order them.
    expect(changes?.trials.map((trial) => [trial.number, trial.state, trial.value])).toEqual([
      [4, 'COMPLETE', 0.95],
      [7, 'QUEUED', undefined],
    ]);
    expect(changes?.metrics.map((point) => [point.trialNumber, point.step, point.name, point.value])).toEqual([
      [4, 1, 'val_accuracy', 0.65],
      [4, 2, 'val_accuracy', 0.95],
    ]);
    expect(changes?.events.map((event) => event.message)).toEqual(['done']);
    cursor = changes?.cursor ?? START_CURSOR;
    expect(cursor.trialUpdatedAt).toBeGreaterThan(30_000);

    store.heartbeat(rnnId, 'owner-1', 31_000);
    expect(reader.changesSince('rnn', cursor)).toEqual({ trials: [], metrics: [], events: [], cursor });
    expect(reader.changesSince('loss', START_CURSOR)?.events.map((event) => event.message)).toEqual(['elsewhere']);
    expect(reader.changesSince('nope', START_CURSOR)).toBeUndefined();
  });

  it('refuses a cursor that is not made of numbers', () => {
    expect(() => reader.changesSince('rnn', { trialUpdatedAt: Number.NaN, metricId: 0, eventId: 0 })).toThrow(
      new RangeError('cursor.trialUpdatedAt must be a finite number (got NaN)'),
    );
  });

  it('reads several methods in one snapshot', () => {
    const seen = reader.snapshot(() => {
      const before = reader.trials('rnn').length;
      store.createTrial(rnnId, frozenTrial(7, { cell: 'gru' }));
      return [before, reader.trials('rnn').length, reader.summary('rnn')?.total];
    });
    expect(seen).toEqual([7, 7, 7]);
    expect(reader.trials('rnn')).toHaveLength(8);
    expect(() =>
      reader.snapshot(() => {
        throw new TypeError('mine');
      }),
    ).toThrow(new TypeError('mine'));
  });
});

describe('changesSince at scale', () => {
  it('reads new metric values as a rowid range, not one seek per trial of the sweep', async () => {
    const temp = tempDir();
    const { store } = writeSampleSweeps(temp.file('plan.db'));
    store.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(temp.file('plan.db'), { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${NEW_METRICS_SQL}`).all(0, 1) as { detail: string }[]).map((row) => row.detail);
    db.close();
    temp.cleanup();
    expect(plan[0]).toMatch(/^SEARCH m USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan[1]).toMatch(/^SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
