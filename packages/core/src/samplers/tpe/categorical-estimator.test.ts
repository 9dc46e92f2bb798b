import { describe, expect, it } from 'vitest';
import { categoricalLogProbabilities } from './categorical-estimator.js';

describe('categoricalLogProbabilities', () => {
  it('is uniform with no observations', () => {
    const p = Array.from(categoricalLogProbabilities(4, new Int32Array(), new Float64Array(), 1)).map(Math.exp);
    for (const x of p) expect(x).toBeCloseTo(0.25, 15);
  });

  it('adds each observation weight to its choice on top of priorWeight/k per choice', () => {
    // Choice 0 seen twice (weights 1 and 0.5), choice 2 once (weight 1), prior 1 over 3 choices.
    const p = Array.from(categoricalLogProbabilities(3, Int32Array.from([0, 2, 0]), Float64Array.from([1, 1, 0.5]), 1)).map(Math.exp);
    const total = 1 + 2.5;
    expect(p[0]).toBeCloseTo((1 / 3 + 1.5) / total, 15);
    expect(p[1]).toBeCloseTo(1 / 3 / total, 15);
    expect(p[2]).toBeCloseTo((1 / 3 + 1) / total, 15);
  });

  it('lets a larger prior weight pull towards uniform', () => {
    const strong = Array.from(categoricalLogProbabilities(2, Int32Array.from([0, 0]), Float64Array.from([1, 1]), 100)).map(Math.exp);
    expect(strong[0]).toBeCloseTo(52 / 102, 15);
  });
});
