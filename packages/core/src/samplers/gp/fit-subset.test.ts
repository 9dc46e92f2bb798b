import { describe, expect, it } from 'vitest';
import { selectFitSubset } from './fit-subset.js';

describe('selectFitSubset', () => {
  it('keeps every point when there are few', () => {
    expect(selectFitSubset(Float64Array.from([3, 1, 2]), 64)).toEqual([0, 1, 2]);
  });

  it('keeps the best half of the limit plus evenly spread others, ascending, deterministic', () => {
    const y = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7));
    const chosen = selectFitSubset(y, 64);
    expect(chosen).toHaveLength(64);
    expect(new Set(chosen).size).toBe(64);
    expect([...chosen].sort((a, b) => a - b)).toEqual(chosen);
    const bestFirst = Array.from({ length: 200 }, (_, i) => i).sort((a, b) => (y[b] as number) - (y[a] as number));
    for (const i of bestFirst.slice(0, 32)) expect(chosen).toContain(i);
    // The rest spans the history, early and late trials alike.
    expect(Math.min(...chosen)).toBeLessThan(10);
    expect(Math.max(...chosen)).toBeGreaterThan(190);
    expect(selectFitSubset(y, 64)).toEqual(chosen);
  });
});
