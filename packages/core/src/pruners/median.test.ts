import { describe, expect, it } from 'vitest';
import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';
import { MedianPruner, median } from './median.js';
import { describePrunerConformance } from './testing/pruner-conformance.js';
import { makeTrial } from './testing/trials.js';

describePrunerConformance('median', () => new MedianPruner());
describePrunerConformance('median (no startup, warmup 2)', () => new MedianPruner({ minTrials: 0, warmupSteps: 2 }));

/** Five finished trials whose values at step 3 are 0.1, 0.2, 0.3, 0.4, 0.5 (median 0.3). */
const finished = [0.1, 0.2, 0.3, 0.4, 0.5].map((v, n) => makeTrial(n, [v, v, v, v], n % 2 ? 'PRUNED' : 'COMPLETE'));

function decide(pruner: MedianPruner, direction: Direction, others: readonly FrozenTrial[], values: readonly number[]): boolean {
  const trial = makeTrial(others.length, values);
  return pruner.prune({ direction, trials: [...others, trial] }, trial);
}

describe('MedianPruner', () => {
  it('takes numpy’s median: the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('prunes strictly worse than the median at this step, in both directions', () => {
    const pruner = new MedianPruner();
    expect(decide(pruner, 'minimize', finished, [0, 0, 0.31])).toBe(true);
    expect(decide(pruner, 'minimize', finished, [0, 0, 0.3])).toBe(false); // equal: kept
    expect(decide(pruner, 'minimize', finished, [0, 0, 0.29])).toBe(false);
    expect(decide(pruner, 'maximize', finished, [1, 1, 0.29])).toBe(true);
    expect(decide(pruner, 'maximize', finished, [1, 1, 0.3])).toBe(false);
  });

  it('judges the value at this step, not the best so far', () => {
    // Best so far (0.05) beats the median, the latest (0.35) does not: pruned.
    expect(decide(new MedianPruner(), 'minimize', finished, [0.05, 0.2, 0.35])).toBe(true);
  });

  it('uses the mean of the two middle values for an even count', () => {
    const six = [...finished, makeTrial(5, [0.6, 0.6, 0.6], 'COMPLETE')]; // median at step 3: 0.35
    expect(decide(new MedianPruner(), 'minimize', six, [0, 0, 0.36])).toBe(true);
    expect(decide(new MedianPruner(), 'minimize', six, [0, 0, 0.35])).toBe(false);
    expect(decide(new MedianPruner(), 'minimize', six, [0, 0, 0.34])).toBe(false);
  });

  it('compares with every other trial that reported this step, in any state, and only at this step', () => {
    // At step 3: 0.1 … 0.5 (finished), 0.9 × 2 (running), 0.9 (failed) → median (0.4 + 0.5) / 2.
    const running = [5, 6].map((n) => makeTrial(n, [0.9, 0.9, 0.9]));
    const failed = makeTrial(7, [0.9, 0.9, 0.9], 'FAILED');
    const short = makeTrial(8, [0, 0], 'PRUNED'); // never reached step 3: not counted
    const others = [...finished, ...running, failed, short];
    expect(decide(new MedianPruner(), 'minimize', others, [0, 0, 0.44])).toBe(false); // pruned against finished ones only
    expect(decide(new MedianPruner(), 'minimize', others, [0, 0, 0.45])).toBe(false);
    expect(decide(new MedianPruner(), 'minimize', others, [0, 0, 0.46])).toBe(true);
  });

  it('keeps a trial when no other trial reported this step', () => {
    expect(decide(new MedianPruner(), 'minimize', finished, [0, 0, 0, 0, 9])).toBe(false);
  });

  it('keeps every trial until min_trials trials are COMPLETE or PRUNED', () => {
    const fourDone = [...finished.slice(0, 4), makeTrial(4, [0.5, 0.5, 0.5, 0.5], 'RUNNING')];
    const failedToo = [...finished.slice(0, 4), makeTrial(4, [0.5, 0.5, 0.5, 0.5], 'FAILED')];
    expect(decide(new MedianPruner(), 'minimize', fourDone, [9, 9, 9])).toBe(false);
    expect(decide(new MedianPruner(), 'minimize', failedToo, [9, 9, 9])).toBe(false); // FAILED does not count
    expect(decide(new MedianPruner(), 'minimize', finished, [9, 9, 9])).toBe(true);
    expect(decide(new MedianPruner({ minTrials: 4 }), 'minimize', fourDone, [9, 9, 9])).toBe(true);
    expect(decide(new MedianPruner({ minTrials: 0 }), 'minimize', [makeTrial(0, [0.1])], [9])).toBe(true);
  });

  it('never prunes at steps 1..warmup_steps', () => {
    const pruner = new MedianPruner({ warmupSteps: 2 });
    expect(decide(pruner, 'minimize', finished, [9])).toBe(false);
    expect(decide(pruner, 'minimize', finished, [9, 9])).toBe(false);
    expect(decide(pruner, 'minimize', finished, [9, 9, 9])).toBe(true);
    expect(decide(new MedianPruner(), 'minimize', finished, [9])).toBe(true); // default warmup 0
  });

  it('prunes a NaN report even during warmup and before min_trials', () => {
    expect(decide(new MedianPruner({ warmupSteps: 10, minTrials: 100 }), 'minimize', finished, [Number.NaN])).toBe(true);
  });

  it('refuses bad options, naming each with its spec path', () => {
    expect(() => new MedianPruner({ warmupSteps: -1 })).toThrow('pruner.warmup_steps: must be an integer >= 0 (got -1)');
    expect(() => new MedianPruner({ warmupSteps: 1.5, minTrials: -2 })).toThrow(
      'invalid sweep spec:\n  pruner.warmup_steps: must be an integer >= 0 (got 1.5)\n  pruner.min_trials: must be an integer >= 0 (got -2)',
    );
    expect(() => new MedianPruner({ minTrials: Number.NaN })).toThrow(expect.objectContaining({ code: 'SPEC' }));
  });
});
