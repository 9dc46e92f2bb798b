/** The in-memory trials list stays exactly what the store's query returns, through every kind of write. */
import { SweepReader } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixture, type FixtureStore } from '../test-support/fixture-sweeps.js';
import { tempDir } from '../test-support/temp-dir.js';
import { TrialList, TrialLists } from './trial-list.js';

const temp = tempDir();
let fixture: FixtureStore;
let reader: SweepReader;
let sweepId: number;

beforeAll(() => {
  fixture = writeFixture(temp.file('list.db'));
  reader = SweepReader.open(temp.file('list.db'));
  sweepId = fixture.sweeps['strategies']?.id ?? -1;
});
afterAll(() => {
  reader.close();
  fixture.store.close();
  temp.cleanup();
});

const expected = (sweep = 'strategies') => JSON.stringify({ total: reader.countTrials(sweep), trials: reader.trials(sweep) });

describe('TrialList', () => {
  it('matches trials() after new trials, state changes, new metrics only, and a re-queue that drops metrics', () => {
    const list = new TrialList(reader, 'strategies');
    expect(list.body().toString('utf8')).toBe(expected());
    const { store, clock } = fixture;
    const step = (write: () => void) => {
      clock.now += 1000;
      write();
      expect(list.body().toString('utf8')).toBe(expected());
    };
    // New metrics of a running trial only: its lastStep moves.
    step(() =>
      store.appendMetrics(sweepId, [
        { trialNumber: 34, step: 2, metrics: { val_accuracy: 0.72 } },
        { trialNumber: 34, step: 3, metrics: { loss: 0.5 } },
      ]),
    );
    expect(JSON.parse(list.body().toString('utf8')).trials[34].lastStep).toBe(3);
    // A state change.
    step(() => store.updateTrial(sweepId, 34, { state: 'COMPLETE', value: 0.72 }));
    // A new trial, numbered out of order.
    step(() =>
      store.createTrial(sweepId, {
        number: 50,
        state: 'QUEUED',
        params: { optimizer: 'sgd', lr: 0.01, cell: 'gru', units: 8 },
        intermediate: new Map(),
        attempt: 1,
      }),
    );
    step(() =>
      store.createTrial(sweepId, {
        number: 40,
        state: 'QUEUED',
        params: { optimizer: 'adam', lr: 0.01, cell: 'gru', units: 8 },
        intermediate: new Map(),
        attempt: 1,
      }),
    );
    // Running, reporting, then re-queued (a retry): its metrics are deleted and lastStep goes away.
    step(() => store.updateTrial(sweepId, 40, { state: 'RUNNING', owner: 'test' }));
    step(() => store.appendMetrics(sweepId, [{ trialNumber: 40, step: 1, metrics: { val_accuracy: 0.6 } }]));
    step(() => store.updateTrial(sweepId, 40, { state: 'QUEUED', attempt: 2 }));
    expect(JSON.parse(list.body().toString('utf8')).trials.find((trial: { number: number }) => trial.number === 40).lastStep).toBeUndefined();
    // A write to another sweep changes nothing here.
    step(() => store.appendEvent(fixture.sweeps['loss']?.id ?? -1, null, 'info', 'elsewhere'));
    expect(JSON.parse(list.body().toString('utf8')).total).toBe(38);
  });

  it('is empty for an empty or unknown sweep', () => {
    expect(new TrialList(reader, 'empty').body().toString('utf8')).toBe('{"total":0,"trials":[]}');
    expect(new TrialList(reader, 'nope').body().toString('utf8')).toBe('{"total":0,"trials":[]}');
  });
});

describe('TrialLists', () => {
  it('keeps a list per sweep, dropping the least recently used past its limit', () => {
    const lists = new TrialLists(reader, 2);
    expect(lists.body('strategies').toString('utf8')).toBe(expected('strategies'));
    expect(lists.body('loss').toString('utf8')).toBe(expected('loss'));
    expect(lists.body('strategies').toString('utf8')).toBe(expected('strategies'));
    expect(lists.body('empty').toString('utf8')).toBe(expected('empty'));
    expect(lists.body('loss').toString('utf8')).toBe(expected('loss'));
  });
});
