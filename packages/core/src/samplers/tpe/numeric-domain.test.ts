import { describe, expect, it } from 'vitest';
import { numericDomain } from './numeric-domain.js';

describe('numericDomain', () => {
  it('works on [low, high] for a plain float, clamping back into it', () => {
    const domain = numericDomain({ kind: 'float', low: 0, high: 0.5, log: false });
    expect([domain.low, domain.high]).toEqual([0, 0.5]);
    expect(domain.toValue(0.7)).toBe(0.5);
    expect(domain.toValue(0.25)).toBe(0.25);
  });

  it('works in log space for a log float', () => {
    const domain = numericDomain({ kind: 'float', low: 1e-4, high: 1e-1, log: true });
    expect(domain.low).toBeCloseTo(Math.log(1e-4), 15);
    expect(domain.toInternal(1e-2)).toBeCloseTo(Math.log(1e-2), 15);
    expect(domain.toValue(Math.log(1e-2))).toBeCloseTo(1e-2, 15);
    expect(domain.toValue(domain.high + 1)).toBe(1e-1);
  });

  it('widens an int range by half a step and rounds back to the grid', () => {
    const domain = numericDomain({ kind: 'int', low: 2, high: 10, log: false, step: 4 });
    expect([domain.low, domain.high]).toEqual([0, 12]);
    expect([0, 3.9, 4.1, 11.9, 12].map((x) => domain.toValue(x))).toEqual([2, 2, 6, 10, 10]);
  });

  it('rounds a stepped float to the same values enumerate gives (0.3, not 0.30000000000000004)', () => {
    const domain = numericDomain({ kind: 'float', low: 0.1, high: 0.5, log: false, step: 0.1 });
    expect(domain.low).toBeCloseTo(0.05, 15);
    expect(domain.toValue(0.31)).toBe(0.3);
  });

  it('uses the log of the cell edges for a log int', () => {
    const domain = numericDomain({ kind: 'int', low: 16, high: 256, log: true, step: 1 });
    expect(domain.low).toBeCloseTo(Math.log(15.5), 15);
    expect(domain.high).toBeCloseTo(Math.log(256.5), 15);
    expect(domain.toValue(Math.log(100.4))).toBe(100);
    expect(domain.toValue(domain.high)).toBe(256);
  });
});
