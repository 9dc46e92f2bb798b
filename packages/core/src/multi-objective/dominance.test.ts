import { describe, expect, it } from 'vitest';
import { SweepError } from '../errors/sweep-error.js';
import { constrainedDominates, dominates } from './dominance.js';

describe('dominates', () => {
  it('needs no worse everywhere and strictly better somewhere, per direction', () => {
    expect(dominates([1, 2], [2, 3], ['minimize', 'minimize'])).toBe(true);
    expect(dominates([1, 3], [2, 3], ['minimize', 'minimize'])).toBe(true);
    expect(dominates([1, 4], [2, 3], ['minimize', 'minimize'])).toBe(false);
    // Maximizing the second objective turns the comparison around.
    expect(dominates([1, 4], [2, 3], ['minimize', 'maximize'])).toBe(true);
    expect(dominates([2, 3], [1, 4], ['maximize', 'minimize'])).toBe(true);
    expect(dominates([1, 2], [1, 2], ['minimize', 'maximize'])).toBe(false);
  });

  it('throws on NaN and length mismatches', () => {
    expect(() => dominates([NaN, 1], [1, 1], ['minimize', 'minimize'])).toThrow(SweepError);
    expect(() => dominates([1], [1, 1], ['minimize', 'minimize'])).toThrow(/1 values for 2 objectives/);
  });
});

describe('constrainedDominates', () => {
  const both = ['minimize', 'minimize'] as const;
  it('lets a feasible point beat any infeasible one, whatever the objectives', () => {
    expect(constrainedDominates([9, 9], 0, [0, 0], 0.1, both)).toBe(true);
    expect(constrainedDominates([0, 0], 0.1, [9, 9], 0, both)).toBe(false);
  });
  it('ranks two infeasible points by total violation alone', () => {
    expect(constrainedDominates([9, 9], 1, [0, 0], 2, both)).toBe(true);
    expect(constrainedDominates([0, 0], 2, [9, 9], 1, both)).toBe(false);
    expect(constrainedDominates([0, 0], 1, [9, 9], 1, both)).toBe(false);
  });
  it('falls back to Pareto dominance between feasible points', () => {
    expect(constrainedDominates([0, 0], 0, [1, 1], 0, both)).toBe(true);
    expect(constrainedDominates([0, 2], 0, [1, 1], 0, both)).toBe(false);
  });
});
