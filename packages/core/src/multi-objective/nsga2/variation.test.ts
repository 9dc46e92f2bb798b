import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { polynomialMutation, simulatedBinaryCrossover } from './variation.js';

describe('simulatedBinaryCrossover', () => {
  it('stays in bounds, centres on the parents and spreads less for a larger eta', () => {
    const random = createRandom(1);
    const spread = (eta: number): number => {
      let sum = 0;
      for (let i = 0; i < 4000; i++) {
        const child = simulatedBinaryCrossover(0.4, 0.6, 0, 1, eta, random);
        expect(child >= 0 && child <= 1).toBe(true);
        sum += Math.abs(child - 0.5);
      }
      return sum / 4000;
    };
    const wide = spread(1);
    const narrow = spread(20);
    expect(narrow).toBeLessThan(wide);
    // Children cluster around the parents (at ±0.1 from the centre) for a large eta.
    expect(Math.abs(narrow - 0.1)).toBeLessThan(0.02);
  });

  it('returns a parent when both are equal', () => {
    expect(simulatedBinaryCrossover(0.3, 0.3, 0, 1, 20, createRandom(2))).toBe(0.3);
  });
});

describe('polynomialMutation', () => {
  it('stays in bounds, moves both ways and takes smaller steps for a larger eta', () => {
    const random = createRandom(3);
    const steps = (eta: number): number[] => Array.from({ length: 4000 }, () => polynomialMutation(0.9, 0, 1, eta, random) - 0.9);
    for (const step of steps(5)) expect(0.9 + step >= 0 && 0.9 + step <= 1).toBe(true);
    const small = steps(50);
    expect(small.some((s) => s > 0) && small.some((s) => s < 0)).toBe(true);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + Math.abs(x), 0) / xs.length;
    expect(mean(small)).toBeLessThan(mean(steps(2)));
  });
});
