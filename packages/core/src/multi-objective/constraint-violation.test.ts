import { describe, expect, it } from 'vitest';
import { boundViolation, constraintViolation } from './constraint-violation.js';

describe('constraintViolation', () => {
  it('sums how far each value lies outside its [min, max]', () => {
    const bounds = [{ max: 100 }, { min: 0.5 }, { min: 1, max: 2 }];
    expect(constraintViolation([90, 0.7, 1.5], bounds)).toBe(0);
    expect(constraintViolation([130, 0.7, 1.5], bounds)).toBe(30);
    expect(constraintViolation([130, 0.25, 3], bounds)).toBe(30 + 0.25 + 1);
    expect(constraintViolation([100, 0.5, 1], bounds)).toBe(0);
  });
  it('counts a missing or NaN value as infinitely violating', () => {
    expect(constraintViolation([undefined], [{ max: 1 }])).toBe(Infinity);
    expect(boundViolation(NaN, { min: 0 })).toBe(Infinity);
  });
});
