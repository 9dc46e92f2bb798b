import { describe, expect, it } from 'vitest';
import { DivergedError, ParamsError, TrainingAbortedError } from '@loopsweep/model';
import { TrialPrunedError } from '@loopsweep/core';
import { outcomeOfError, outcomeOfResult } from './trial-outcome.js';

describe('outcomeOfResult', () => {
  it('takes a finite number as the value, with the last reported metrics', () => {
    expect(outcomeOfResult(0.25, { loss: 0.5 })).toEqual({ status: 'complete', value: 0.25, metrics: { loss: 0.5 } });
  });

  it('takes an object of numbers as the metrics, NaN included', () => {
    expect(outcomeOfResult({ val_accuracy: 0.9, test_f1: Number.NaN }, {})).toEqual({
      status: 'complete',
      metrics: { val_accuracy: 0.9, test_f1: Number.NaN },
    });
  });

  it.each([
    [Number.NaN, 'objective returned NaN'],
    [Number.POSITIVE_INFINITY, 'objective returned Infinity'],
    [undefined, 'objective returned undefined; return a number or an object of numbers'],
    [null, 'objective returned null; return a number or an object of numbers'],
    ['0.9', 'objective returned the string "0.9"; return a number or an object of numbers'],
    [[0.9], 'objective returned an array; return a number or an object of numbers'],
    [{ accuracy: 0.9, note: 'good' }, `objective returned a metrics object whose 'note' is the string "good"; every metric must be a number`],
  ])('fails %j as an error', (result, reason) => {
    expect(outcomeOfResult(result, {})).toEqual({ status: 'failed', kind: 'error', reason });
  });
});

describe('outcomeOfError', () => {
  it('reads divergence from the code or the name, whichever class made it', () => {
    const expected = { status: 'failed', kind: 'diverged', reason: 'training diverged: loss is NaN at epoch 2, step 3' };
    expect(outcomeOfError(new DivergedError(2, 3, Number.NaN), undefined)).toEqual(expected);
    // As a structured clone from another thread: a plain Error with the fields copied.
    expect(outcomeOfError(Object.assign(new Error(expected.reason), { code: 'DIVERGED' }), undefined)).toEqual(expected);
  });

  it('reports other errors as name: message', () => {
    const params = new ParamsError([{ param: 'lr', message: 'must be > 0, got -1' }]);
    expect(outcomeOfError(params, undefined)).toEqual({ status: 'failed', kind: 'error', reason: 'ParamsError: invalid params:\n  lr: must be > 0, got -1' });
    expect(outcomeOfError(new RangeError('bad'), undefined)).toEqual({ status: 'failed', kind: 'error', reason: 'RangeError: bad' });
    expect(outcomeOfError('a string', undefined)).toEqual({ status: 'failed', kind: 'error', reason: 'a string' });
  });

  it('makes anything thrown after prune pruned, and after cancel cancelled', () => {
    const aborted = new TrainingAbortedError(2, 'stop');
    expect(outcomeOfError(aborted, { kind: 'prune' })).toEqual({ status: 'pruned' });
    expect(outcomeOfError(new DivergedError(1, 1, Number.NaN), { kind: 'prune' })).toEqual({ status: 'pruned' });
    expect(outcomeOfError(aborted, { kind: 'cancel', reason: 'sweep stopped' })).toEqual({ status: 'failed', kind: 'cancelled', reason: 'sweep stopped' });
    // Without a request, an aborted error is just an error.
    expect(outcomeOfError(aborted, undefined)).toEqual({
      status: 'failed',
      kind: 'error',
      reason: 'TrainingAbortedError: training aborted during epoch 2: stop',
    });
  });

  it('lets an objective prune itself with a TrialPrunedError', () => {
    expect(outcomeOfError(new TrialPrunedError(3), undefined)).toEqual({ status: 'pruned' });
  });
});
