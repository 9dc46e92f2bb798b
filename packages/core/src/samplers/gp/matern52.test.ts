import { describe, expect, it } from 'vitest';
import { matern52, matern52Slope } from './matern52.js';

describe('matern52', () => {
  it('is 1 at zero distance and falls monotonically towards 0', () => {
    expect(matern52(0)).toBe(1);
    const values = [0, 0.01, 0.1, 0.5, 1, 2, 5, 20, 100].map(matern52);
    for (let i = 1; i < values.length; i++) expect(values[i] as number).toBeLessThan(values[i - 1] as number);
    expect(matern52(100)).toBeLessThan(1e-7);
    expect(matern52(400)).toBeLessThan(1e-16);
  });

  it('matches (1 + √5·r + 5r²/3)·e^(−√5·r) written in the distance r', () => {
    for (const r of [0.1, 0.7, 2]) expect(matern52(r * r)).toBeCloseTo((1 + Math.sqrt(5) * r + (5 * r * r) / 3) * Math.exp(-Math.sqrt(5) * r), 14);
  });

  it('has the derivative in d² that finite differences give, −5/6 at zero', () => {
    expect(matern52Slope(0)).toBeCloseTo(-5 / 6, 14);
    for (const d2 of [1e-4, 0.05, 0.3, 1, 4]) {
      const e = 1e-6 * Math.max(d2, 1e-3);
      expect(matern52Slope(d2)).toBeCloseTo((matern52(d2 + e) - matern52(d2 - e)) / (2 * e), 6);
    }
  });
});
