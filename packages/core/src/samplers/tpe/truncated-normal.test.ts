import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { logNdtr } from './normal.js';
import { log1mExp, logAddExp, logMass, sampleTruncatedStandard } from './truncated-normal.js';

describe('logMass', () => {
  // Reference values from mpmath at 40 digits.
  it.each([
    [-1, 1, -0.38171514630212605],
    [-0.5, 2, -0.40240131233857512],
    [3, 4, -6.631467786538225],
    [-4, -3, -6.631467786538225],
    [-21, -20, -203.91715537228816],
    [20, 21, -203.91715537228816],
    [-1e-3, 1e-3, -7.13354679829352],
    [0, 100, -0.6931471805599453],
  ])('log P(%d ≤ Z ≤ %d) matches mpmath', (a, b, expected) => {
    expect(Math.abs(logMass(a, b) / expected - 1)).toBeLessThan(1e-12);
  });

  it('is 0 to within 1e-18 for an interval covering ±9σ', () => {
    expect(Math.abs(logMass(-9, 9))).toBeLessThan(1e-18);
    expect(logMass(-9, 9)).toBeLessThanOrEqual(0);
  });
});

describe('sampleTruncatedStandard', () => {
  const draw = (a: number, b: number, count: number, seed = 1): number[] => {
    const random = createRandom(seed);
    const mass = logMass(a, b);
    return Array.from({ length: count }, () => sampleTruncatedStandard(a, b, mass, random()));
  };

  it('stays inside [a, b], even 30σ out in either tail', () => {
    for (const [a, b] of [
      [-1, 1],
      [30, 30.5],
      [-30.5, -30],
      [2, 1e9],
      [-1e9, -5],
    ] as const) {
      for (const z of draw(a, b, 500)) {
        expect(z).toBeGreaterThanOrEqual(a);
        expect(z).toBeLessThanOrEqual(b);
      }
    }
  });

  it('maps u = 0 to a and u → 1 to b', () => {
    expect(sampleTruncatedStandard(-1, 2, logMass(-1, 2), 0)).toBeCloseTo(-1, 12);
    expect(sampleTruncatedStandard(-1, 2, logMass(-1, 2), 1 - 2 ** -40)).toBeCloseTo(2, 6);
    expect(sampleTruncatedStandard(3, 5, logMass(3, 5), 0)).toBeCloseTo(3, 12);
  });

  it('has the truncated normal mean, φ(a)−φ(b) over the mass, in the body and in the tail', () => {
    for (const [a, b] of [
      [-0.5, 2],
      [3, 4],
      [-12, -11],
    ] as const) {
      const zs = draw(a, b, 20000, 7);
      const mean = zs.reduce((s, z) => s + z, 0) / zs.length;
      const phi = (z: number): number => Math.exp(-0.5 * z * z);
      // φ(a) − φ(b) over Φ(b) − Φ(a), with a common factor pulled out so the tail case does not underflow.
      const scale = Math.max(-0.5 * a * a, -0.5 * b * b);
      const expected = ((phi(a) - phi(b)) / Math.exp(scale)) * Math.exp(scale - 0.5 * Math.log(2 * Math.PI) - logMass(a, b));
      expect(mean).toBeCloseTo(expected, 1);
      expect(Math.abs(mean - expected)).toBeLessThan(0.02);
    }
  });

  it('follows the truncated CDF: about 1/4 of draws below the first quartile', () => {
    const a = -2;
    const b = 0.5;
    const zs = draw(a, b, 20000, 3);
    // The quartile q solves Φ(q) = Φ(a) + (Φ(b) − Φ(a))/4; bisect on logNdtr.
    const target = logAddExp(logNdtr(a), logMass(a, b) - Math.log(4));
    let lo = a;
    let hi = b;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (logNdtr(mid) < target) lo = mid;
      else hi = mid;
    }
    const below = zs.filter((z) => z < lo).length / zs.length;
    expect(Math.abs(below - 0.25)).toBeLessThan(0.01);
  });
});

describe('log-space helpers', () => {
  it('log1mExp is log(1 − e^x) near 0 and far below it', () => {
    expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(log1mExp(-50)).toBeCloseTo(-Math.exp(-50), 30);
    expect(log1mExp(-1)).toBeCloseTo(Math.log(1 - Math.exp(-1)), 15);
  });

  it('logAddExp neither overflows nor underflows', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, -Infinity)).toBe(-1000);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
  });
});
