/**
 * Power of confirmationVerdict: how often it names a planted better group (+0.03, noise sd 0.015),
 * and how many replicates that takes. Rates are printed so a change in power shows in the log.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, winnerRates } from './testing/simulate-replicates.js';

describe('confirmationVerdict power (confidence 0.95)', () => {
  it('names a planted +0.03 group, never another; 5 replicates fall short of 90%, 9 (k=3) and 10 (k=5) reach it', () => {
    const table: string[] = [];
    for (const [k, replicates, floor] of [
      [3, 5, 0.5],
      [5, 5, 0.3],
      [3, 9, 0.9],
      [5, 10, 0.9],
    ] as const) {
      const { any, g0 } = winnerRates([0.03, ...new Array<number>(k - 1).fill(0)], replicates);
      table.push(`k=${k} n=${replicates}: correct winner ${g0}, any winner ${any}`);
      expect(any).toBe(g0);
      expect(g0).toBeGreaterThanOrEqual(floor);
    }
    console.log(`planted +0.03 (sd 0.015), ${SEEDS} seeds:\n  ${table.join('\n  ')}`);
  });
});
