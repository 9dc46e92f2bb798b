import { describe, expect, it } from 'vitest';
import { useSampleDatabase } from '../test-support/sample-database.js';
import { frozenTrial } from '../testing/fixtures.js';
import type { TrialFilter } from './types.js';

const sample = useSampleDatabase();

describe('SweepReader.countTrials', () => {
  it('counts what trials() returns before paging, for every filter', () => {
    const filters: TrialFilter[] = [
      {},
      { states: ['COMPLETE'] },
      { states: ['COMPLETE', 'PRUNED'] },
      { states: [] },
      { params: { optimizer: 'momentum' } },
      { params: { cell: ['lstm', 'gru'] } },
      { params: { bidirectional: true, units: 32 } },
      { states: ['COMPLETE'], params: { cell: 'lstm' } },
      { params: { momentum: 0.9 } },
      { params: { optimizer: [] } },
    ];
    for (const filter of filters) {
      expect(sample.reader.countTrials('rnn', filter), JSON.stringify(filter)).toBe(sample.reader.trials('rnn', filter).length);
    }
    expect(sample.reader.countTrials('rnn')).toBe(7);
    expect(sample.reader.countTrials('rnn', { params: { optimizer: 'momentum' } })).toBe(2);
    expect(sample.reader.countTrials('rnn', { states: ['COMPLETE'], params: { cell: 'lstm' } })).toBe(1);
  });

  it('is 0 for an unknown sweep and refuses a bad filter with the trials() message', () => {
    expect(sample.reader.countTrials('nope')).toBe(0);
    expect(() => sample.reader.countTrials('rnn', { states: ['DONE' as never] })).toThrow(
      new RangeError("query.states[] must be one of QUEUED, RUNNING, COMPLETE, PRUNED, FAILED (got 'DONE')"),
    );
  });
});

describe('SweepReader.trialTimes', () => {
  it('gives the first start and the last finish of the sweep, nothing for an unknown one', () => {
    // Sample starts: 1 000 … 7 000; finishes: 5 000, 4 000, 3 500, 4 100, 9 000 (trial 4 runs, 5 is queued).
    expect(sample.reader.trialTimes('rnn')).toEqual({ firstStartedAt: 1_000, lastFinishedAt: 9_000 });
    expect(sample.reader.trialTimes('nope')).toEqual({});
  });
});

describe('SweepReader.newMetricNames', () => {
  it('names only the metrics written to that sweep after a metric id', () => {
    const rnn = sample.reader.getSweep('rnn');
    if (rnn === undefined) throw new Error('sample sweep rnn missing');
    const cursor = sample.reader.cursor('rnn');
    if (cursor === undefined) throw new Error('no cursor');
    expect(sample.reader.newMetricNames('rnn', 0)).toEqual(sample.reader.metricNames('rnn'));
    expect(sample.reader.newMetricNames('rnn', cursor.metricId)).toEqual([]);
    sample.store.appendMetrics(rnn.id, [{ trialNumber: 4, step: 2, metrics: { val_f1: 0.5, loss: 0.3 } }]);
    expect(sample.reader.newMetricNames('rnn', cursor.metricId)).toEqual(['loss', 'val_f1']);
    // Another sweep's new rows are not this one's.
    expect(sample.reader.newMetricNames('loss', cursor.metricId)).toEqual([]);
    expect(sample.reader.newMetricNames('nope', 0)).toEqual([]);
    expect(() => sample.reader.newMetricNames('rnn', -1)).toThrow(new RangeError('afterMetricId must be a non-negative integer (got -1)'));
  });
});

describe('SweepReader.dataVersion', () => {
  it('stays put while nothing is written and changes after another connection commits', () => {
    const before = sample.reader.dataVersion();
    sample.reader.trials('rnn');
    expect(sample.reader.dataVersion()).toBe(before);
    const rnn = sample.reader.getSweep('rnn');
    if (rnn === undefined) throw new Error('sample sweep rnn missing');
    sample.store.createTrial(rnn.id, frozenTrial(100, { cell: 'lstm' }));
    expect(sample.reader.dataVersion()).not.toBe(before);
    expect(sample.reader.countTrials('rnn')).toBe(8);
  });
});
