import { describe, expect, it } from 'vitest';
import { mergeTrials } from './merge-trials';
import { row } from './trial-rows.test-support';

describe('mergeTrials', () => {
  it('adds new trials in number order and replaces changed ones', () => {
    const before = [row(0, { state: 'RUNNING', updatedAt: 10 }), row(2)];
    const after = mergeTrials(before, [row(1, { updatedAt: 20 }), row(0, { state: 'COMPLETE', value: 0.5, updatedAt: 30 })]);
    expect(after.map((t) => [t.number, t.state])).toEqual([
      [0, 'COMPLETE'],
      [1, 'COMPLETE'],
      [2, 'COMPLETE'],
    ]);
    expect(after[0]!.value).toBe(0.5);
  });

  it('keeps a row that is newer than the change (fetched after the stream cursor)', () => {
    const before = [row(0, { state: 'COMPLETE', updatedAt: 50 })];
    expect(mergeTrials(before, [row(0, { state: 'RUNNING', updatedAt: 40 })])).toBe(before);
  });

  it('raises lastStep from metric points and never lowers it', () => {
    const before = [row(0, { state: 'RUNNING', lastStep: 2 })];
    const after = mergeTrials(before, [], [{ id: 1, trialNumber: 0, step: 3, name: 'loss', value: null }]);
    expect(after[0]!.lastStep).toBe(3);
    const stale = mergeTrials(after, [row(0, { state: 'RUNNING', lastStep: 1, updatedAt: 5000 })]);
    expect(stale[0]!.lastStep).toBe(3);
  });

  it('returns the same array when nothing changed', () => {
    const before = [row(0, { lastStep: 5 })];
    expect(mergeTrials(before, [])).toBe(before);
    expect(mergeTrials(before, [], [{ id: 1, trialNumber: 0, step: 4, name: 'loss', value: 1 }])).toBe(before);
  });
});
