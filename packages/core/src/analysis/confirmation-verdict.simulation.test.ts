/**
 * How often confirmationVerdict names a false winner on synthetic replicates (noise sd 0.015 around 0.9, the
 * issue's done-when figures), over seeded simulated experiments. Each rate is printed so a change
 * in the test's power or size shows in the log, not only when it crosses a bound.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, winnerRates } from './testing/simulate-replicates.js';

describe('confirmationVerdict error rates (confidence 0.95)', () => {
  it('names a winner on pure noise at most 5% of the time (+ binomial tolerance), k = 2, 3, 5 at 5 replicates', () => {
    for (const k of [2, 3, 5]) {
      const { any } = winnerRates(new Array<number>(k).fill(0), 5);
      console.log(`pure noise, k=${k}, 5 replicates, ${SEEDS} seeds: winner rate ${any}`);
      // 0.05 + 2 binomial standard errors at 200 seeds (0.015 each).
      expect(any).toBeLessThanOrEqual(0.08);
    }
  });

  it('stays within 5% in the least favourable case: two equal leaders above the rest', () => {
    const { any } = winnerRates([0, 0, -0.03, -0.03, -0.03], 5);
    console.log(`two tied leaders 0.03 above three others, 5 replicates: winner rate ${any}`);
    expect(any).toBeLessThanOrEqual(0.08);
  });
});
