import { describe, expect, it } from 'vitest';
import { formatChange } from './run-reporter.js';
import { formatTally, progressLines, type ProgressView } from './progress-view.js';

const view: ProgressView = {
  sweep: 'quick',
  metric: 'val_accuracy',
  direction: 'maximize',
  counts: { QUEUED: 0, RUNNING: 2, COMPLETE: 9, PRUNED: 2, FAILED: 1 },
  budgetTrials: 20,
  running: [{ number: 14, step: 2, value: 0.9012 }, { number: 13 }],
  best: { number: 7, value: 0.95, params: { cell: 'gru', lr: 0.003 } },
  elapsedSeconds: 125,
  trialsPerMinute: 5.76,
  etaSeconds: 83,
};

describe('progress lines', () => {
  it('tallies done, running and the best', () => {
    expect(formatTally(view)).toBe('12/20 done, 2 running, best 0.95 #7');
  });

  it('shows a population’s epochs against its budget', () => {
    expect(formatTally({ ...view, budgetTrials: undefined, epochs: { done: 14, total: 32 } })).toBe('12 done, 2 running, epochs 14/32, best 0.95 #7');
  });

  it('shows the front’s size in a multi-objective sweep, and names the metric of best', () => {
    expect(formatTally({ ...view, frontSize: 4 })).toBe('12/20 done, 2 running, front 4, best val_accuracy 0.95 #7');
    expect(formatTally({ ...view, frontSize: 0, best: undefined })).toBe('12/20 done, 2 running, front 0');
    expect(progressLines({ ...view, frontSize: 1 })).toContain('  front    1 feasible trial on the Pareto front (`sweep best quick` lists them)');
  });

  it('formats one line per finished trial', () => {
    expect(formatChange({ number: 3, state: 'COMPLETE', value: 0.93 }, view)).toBe('trial 3 COMPLETE val_accuracy=0.93 (12/20 done, 2 running, best 0.95 #7)');
    expect(formatChange({ number: 4, state: 'FAILED', failureReason: 'diverged: loss is NaN' }, view)).toBe(
      'trial 4 FAILED diverged: loss is NaN (12/20 done, 2 running, best 0.95 #7)',
    );
    expect(formatChange({ number: 5, state: 'QUEUED', attempt: 2, failureReason: 'crashed: exit 1' }, view)).toContain(
      'trial 5 re-queued as attempt 2: crashed: exit 1',
    );
  });

  it('draws counts, best with params, pace and the running trials in number order', () => {
    expect(progressLines(view, ['cell', 'lr'])).toEqual([
      'sweep quick',
      '  trials   12 of 20 done (9 complete, 2 pruned, 1 failed), 2 running',
      '  best     val_accuracy=0.95 #7  cell=gru lr=0.003',
      '  pace     5.8/min, elapsed 2m05s, ETA 1m23s',
      '  #13      starting',
      '  #14      step 2  val_accuracy=0.9012',
    ]);
  });
});
