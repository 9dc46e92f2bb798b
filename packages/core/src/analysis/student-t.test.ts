import { describe, expect, it } from 'vitest';
import { normalCdf, studentTCdf, studentTQuantile } from './student-t.js';

describe('normal and Student t', () => {
  it('match scipy.stats to 6 digits', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.776445, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.05, 1)).toBeCloseTo(-6.313752, 4);
    expect(studentTCdf(2.015048, 5)).toBeCloseTo(0.95, 6);
  });
});
