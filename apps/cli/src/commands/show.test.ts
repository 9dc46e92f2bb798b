import { describe, expect, it } from 'vitest';
import { formatTrial, splitMetrics } from './show.js';

describe('splitMetrics', () => {
  it('keeps per-step metrics as columns, tracked first, and final-only ones apart', () => {
    const metrics: { step: number; values: Record<string, number> }[] = [
      { step: 1, values: { loss: 0.5, val_accuracy: 0.8 } },
      { step: 2, values: { loss: 0.3, val_accuracy: 0.9, test_accuracy: 0.88 } },
    ];
    expect(splitMetrics(metrics, 'val_accuracy')).toEqual({ perStep: ['val_accuracy', 'loss'], final: ['test_accuracy'] });
    expect(splitMetrics([metrics[1]!], 'val_accuracy').final).toEqual([]);
  });
});

describe('formatTrial', () => {
  it('shows a multi-objective trial’s final values under its state line', () => {
    const trial = {
      number: 3,
      state: 'COMPLETE' as const,
      params: { units: 8 },
      value: 0.91,
      attempt: 1,
      updatedAt: 0,
      metrics: [{ step: 1, values: { acc: 0.9, seconds: 2 } }],
      events: [],
      finalValues: { acc: 0.91, seconds: 2.5, size: 1200 },
    };
    const lines = formatTrial('mo', 'acc', trial, ['units']).split('\n');
    expect(lines[0]).toBe('trial 3 of mo: COMPLETE  acc=0.91');
    expect(lines).toContain('final values: acc=0.91  seconds=2.5  size=1200');
    const { finalValues: _none, ...oneMetric } = trial;
    expect(formatTrial('mo', 'acc', oneMetric, ['units'])).not.toContain('final values');
  });
});
