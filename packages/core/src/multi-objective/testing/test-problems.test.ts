import { describe, expect, it } from 'vitest';
import type { Params } from '../../search-space/distributions.js';
import { constrainedDisc, dtlz2, zdt } from './test-problems.js';

const point = (values: number[]): Params => Object.fromEntries(values.map((x, i) => [`x${i}`, x]));

describe('test problems', () => {
  it('put ZDT1–3 optima on their known fronts, and worse points above them', () => {
    const onFront = point([0.25, 0, 0, 0, 0]);
    expect(zdt(1, 5).evaluate(onFront)).toEqual([0.25, 0.5]);
    expect(zdt(2, 5).evaluate(onFront)).toEqual([0.25, 1 - 0.0625]);
    expect(zdt(3, 5).evaluate(onFront)[1]).toBeCloseTo(1 - 0.5 - 0.25 * Math.sin(2.5 * Math.PI), 12);
    const [, worse] = zdt(1, 5).evaluate(point([0.25, 0.5, 0.5, 0.5, 0.5]));
    expect(worse).toBeGreaterThan(0.5);
  });

  it('put DTLZ2 optima on the unit sphere', () => {
    const values = dtlz2(4).evaluate(point([0.3, 0.8, 0.5, 0.5, 0.5, 0.5]));
    expect(Math.hypot(...values)).toBeCloseTo(1, 12);
    expect(Math.hypot(...dtlz2(4).evaluate(point([0.3, 0.8, 0, 1, 0.5, 0.5])))).toBeGreaterThan(1);
  });

  it('make a fifth of the square feasible on the disc problem', () => {
    const { constraints } = constrainedDisc();
    let feasible = 0;
    const grid = 200;
    for (let i = 0; i < grid; i++) {
      for (let j = 0; j < grid; j++) {
        const [c] = constraints!.evaluate(point([(i + 0.5) / grid, (j + 0.5) / grid]));
        if (c! <= constraints!.bounds[0]!.max!) feasible++;
      }
    }
    expect(Math.abs(feasible / grid ** 2 - 0.2)).toBeLessThan(0.005);
  });
});
