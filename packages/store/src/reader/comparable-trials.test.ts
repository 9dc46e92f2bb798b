import { describe, expect, it } from 'vitest';
import { comparableTrials } from './comparable-trials.js';
import type { TrialRow } from './types.js';

describe('comparableTrials', () => {
  const row = (number: number, extra: Partial<TrialRow>): TrialRow => ({
    number,
    state: 'COMPLETE',
    params: { cell: 'lstm' },
    attempt: 1,
    updatedAt: 1,
    ...extra,
  });

  it('carries value, failure reason and the curve of each trial, and an empty curve where none was reported', () => {
    const trials = comparableTrials(
      [row(0, { value: 0.9 }), row(1, { state: 'FAILED', failureReason: 'diverged: loss is NaN' })],
      new Map([
        [
          0,
          [
            [1, 0.7],
            [2, 0.9],
          ] as [number, number][],
        ],
      ]),
    );
    expect(trials[0]).toEqual({
      number: 0,
      state: 'COMPLETE',
      params: { cell: 'lstm' },
      value: 0.9,
      intermediate: new Map([
        [1, 0.7],
        [2, 0.9],
      ]),
    });
    expect(trials[1]).toEqual({ number: 1, state: 'FAILED', params: { cell: 'lstm' }, intermediate: new Map(), failureReason: 'diverged: loss is NaN' });
    expect('value' in trials[1]!).toBe(false);
  });

  it("carries each trial's seed, stage and origin where the row has them", () => {
    const [search, rerun] = comparableTrials(
      [row(0, { value: 0.9, seed: 3, stage: 'search' }), row(1, { value: 0.8, seed: 4, stage: 'rerun', origin: 0 })],
      new Map(),
    );
    expect(search).toEqual({ number: 0, state: 'COMPLETE', params: { cell: 'lstm' }, value: 0.9, intermediate: new Map(), seed: 3, stage: 'search' });
    expect(rerun).toMatchObject({ number: 1, seed: 4, stage: 'rerun', origin: 0 });
  });
});
