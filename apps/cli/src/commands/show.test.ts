import { describe, expect, it } from 'vitest';
import { splitMetrics } from './show.js';

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
