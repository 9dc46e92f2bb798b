import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from './lbfgs.js';

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function from (−1.2, 1)', () => {
    const rosenbrock = (x: Float64Array, g: Float64Array): number => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIterations: 200, gradientTolerance: 1e-8 });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  it('stops at the iteration cap and is deterministic', () => {
    const bowl = (x: Float64Array, g: Float64Array): number => {
      let sum = 0;
      x.forEach((v, k) => {
        sum += (k + 1) * (v - k) ** 2;
        g[k] = 2 * (k + 1) * (v - k);
      });
      return sum;
    };
    const first = minimizeLbfgs(bowl, new Float64Array(4), { maxIterations: 2 });
    expect(first.evaluations).toBeLessThanOrEqual(1 + 2 * 20);
    expect(first.value).toBeGreaterThan(0);
    expect(minimizeLbfgs(bowl, new Float64Array(4), { maxIterations: 2 })).toEqual(first);
  });

  it('steps back from infeasible points (Infinity) and returns the start when that is infeasible', () => {
    // f = x² but only on x > 0.5: the minimum on the feasible side is approached from above.
    const walled = (x: Float64Array, g: Float64Array): number => {
      const v = x[0] as number;
      g[0] = 2 * v;
      return v > 0.5 ? v * v : Infinity;
    };
    const result = minimizeLbfgs(walled, Float64Array.from([3]), { maxIterations: 50 });
    expect(result.x[0]).toBeGreaterThan(0.5);
    expect(result.x[0]).toBeLessThan(1);
    expect(minimizeLbfgs(walled, Float64Array.from([0]), { maxIterations: 5 }).x[0]).toBe(0);
  });
});
