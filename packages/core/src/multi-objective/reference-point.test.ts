import { describe, expect, it } from 'vitest';
import { defaultReferencePoint } from './reference-point.js';

describe('defaultReferencePoint', () => {
  it('is the worst value plus 10% of the range, per direction', () => {
    const points = [
      [0.9, 30],
      [0.8, 10],
      [0.7, 20],
    ];
    const [accuracy, seconds] = defaultReferencePoint(points, ['maximize', 'minimize']);
    expect(accuracy).toBeCloseTo(0.7 - 0.02, 12);
    expect(seconds).toBeCloseTo(32, 12);
  });
  it('offsets a flat objective by 10% of |worst|, or 1 at 0', () => {
    expect(defaultReferencePoint([[5, 0]], ['minimize', 'maximize'])).toEqual([5.5, -1]);
  });
  it('throws without points or with a non-finite value', () => {
    expect(() => defaultReferencePoint([], ['minimize'])).toThrow(/at least one point/);
    expect(() => defaultReferencePoint([[Infinity]], ['minimize'])).toThrow(/non-finite/);
  });
});
