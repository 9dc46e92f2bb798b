import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { meanOf } from './estimators.js';
import { binomial, permutationPValue, smallestPermutationPValue } from './permutation-test.js';

const exact = { statistic: meanOf, random: createRandom(1) };

describe('permutationPValue', () => {
  it('gives 1/C(n, k) when a is above every split, and 1 for identical or constant groups', () => {
    expect(binomial(10, 5)).toBe(252);
    expect(permutationPValue([6, 7, 8, 9, 10], [1, 2, 3, 4, 5], exact)).toBeCloseTo(1 / 252, 12);
    expect(smallestPermutationPValue(5, 5)).toBeCloseTo(1 / 252, 12);
    expect(permutationPValue([1, 2, 3], [1, 2, 3], exact)).toBeGreaterThan(0.5);
    expect(permutationPValue([0.5, 0.5, 0.5], [0.5, 0.5, 0.5], exact)).toBe(1);
    expect(permutationPValue([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], exact)).toBe(1);
  });

  it('counts splits whose statistic equals the observed one only up to rounding as ties', () => {
    // 0.1 + 0.2 ≠ 0.3 in floating point; the split {0.3} vs {0.1, 0.2}… must still count.
    const p = permutationPValue([0.1, 0.2, 0.3], [0.3, 0.2, 0.1], exact);
    expect(p).toBeGreaterThan(0.5);
  });

  it('estimates by seeded random splits when there are too many, close to the exact value', () => {
    const a = Array.from({ length: 10 }, (_, i) => i + 0.5);
    const b = Array.from({ length: 10 }, (_, i) => i);
    const options = { statistic: meanOf, permutations: 4000 };
    const p1 = permutationPValue(a, b, { ...options, random: createRandom(3) });
    expect(permutationPValue(a, b, { ...options, random: createRandom(3) })).toBe(p1);
    // The exact one-sided p for a shift of 0.5 on 0..9 is about 0.36 (t-test: 0.35).
    expect(p1).toBeGreaterThan(0.3);
    expect(p1).toBeLessThan(0.42);
  });
});
