import { describe, expect, it } from 'vitest';
import { erfc, erfcx } from './erfcx.js';
import { logExpectedImprovement, logH, logHSlope } from './log-ei.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** h(z) = E[max(Z + z, 0)] = ∫_{−z}^{∞} (t + z)·φ(t) dt by Simpson's rule: independent of erfc. */
function hByIntegration(z: number): number {
  const a = -z;
  const b = Math.max(a, 0) + 12;
  const steps = 20000;
  const width = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const t = a + i * width;
    const f = (t + z) * Math.exp(-0.5 * t * t - LOG_SQRT_2PI);
    sum += f * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return (sum * width) / 3;
}

describe('erfc and erfcx', () => {
  it('match reference values (relative 1e-12) on both sides of the series/continued-fraction switch', () => {
    const reference: [number, number][] = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [1.999, 0.004698443348629488],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [5, 1.5374597944280349e-12],
      [-1, 1.8427007929497148],
    ];
    for (const [x, expected] of reference) expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-12);
  });

  it('erfcx stays finite and ~1/(x√π) far out, where erfc has underflowed', () => {
    expect(erfc(30)).toBe(0);
    expect(Math.abs(erfcx(30) / 0.018795888861416751 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(erfcx(1e6) * 1e6 * Math.sqrt(Math.PI) - 1)).toBeLessThan(1e-9);
    expect(() => erfcx(-1)).toThrow(RangeError);
  });
});

describe('log h(z) = log E[max(Z + z, 0)]', () => {
  it('agrees with the direct formula log(φ(z) + z·Φ(z)) where that is stable', () => {
    for (const z of [-3, -1.5, -1, -0.5, 0, 0.7, 2, 5]) {
      const phi = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
      const cdf = 0.5 * erfc(-z / Math.SQRT2);
      expect(logH(z)).toBeCloseTo(Math.log(phi + z * cdf), 10);
    }
  });

  it('agrees with numerical integration of the definition', () => {
    for (const z of [-6, -3, -1.2, -1, -0.3, 0, 1, 3]) expect(logH(z)).toBeCloseTo(Math.log(hByIntegration(z)), 6);
  });

  it('is finite, increasing and ~ −z²/2 − log√(2π) − 2·log|z| far in the lower tail, where h underflows', () => {
    const zs = [-1e5, -1e3, -100, -40.0001, -40, -39.9999, -38, -10, -1.0001, -1, -0.9999, 0, 10];
    const values = zs.map(logH);
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    for (let i = 1; i < values.length; i++) expect(values[i] as number).toBeGreaterThan(values[i - 1] as number);
    for (const z of [-100, -1e3, -1e5]) {
      const asymptote = -0.5 * z * z - LOG_SQRT_2PI - 2 * Math.log(-z);
      // The next terms of the asymptotic series: 1 − 3/z² + 15/z⁴.
      expect(logH(z) - asymptote).toBeCloseTo(Math.log(1 - 3 / (z * z) + 15 / z ** 4), 9);
    }
    // Continuous across the branch switches at z = −1 and z = −40.
    expect(logH(-1 - 1e-12)).toBeCloseTo(logH(-1 + 1e-12), 9);
    expect(logH(-40 - 1e-12)).toBeCloseTo(logH(-40 + 1e-12), 9);
  });

  it('has the slope Φ/h, matching finite differences, ~|z| in the far tail', () => {
    for (const z of [-200, -45, -39, -5, -1.0001, -0.9999, 0, 2]) {
      const e = 1e-6 * Math.max(1, Math.abs(z));
      const numeric = (logH(z + e) - logH(z - e)) / (2 * e);
      expect(logHSlope(z) / numeric).toBeCloseTo(1, 5);
    }
    expect(logHSlope(-1e4) / 1e4).toBeCloseTo(1, 6);
  });

  it('log EI = log σ + log h((μ − f*)/σ)', () => {
    expect(logExpectedImprovement(1, 2, 0)).toBeCloseTo(Math.log(2) + logH(0.5), 14);
    expect(Number.isFinite(logExpectedImprovement(-100, 0.01, 0))).toBe(true);
  });
});
