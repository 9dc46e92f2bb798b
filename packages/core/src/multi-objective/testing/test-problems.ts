import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { Direction } from '../../trial/frozen-trial.js';
import type { ConstraintBound } from '../constraint-violation.js';

/**
 * A multi-objective benchmark written as a user objective would be: params in, one value per
 * objective out (and constraint metrics, when it has any).
 */
export interface TestProblem {
  readonly name: string;
  readonly space: SearchSpace;
  readonly directions: readonly Direction[];
  /** A fixed reference point, so hypervolumes compare across samplers and seeds. */
  readonly reference: readonly number[];
  evaluate(params: Params): number[];
  /** Constraint metrics and their bounds, for constrained problems. */
  readonly constraints?: {
    readonly bounds: readonly ConstraintBound[];
    evaluate(params: Params): number[];
  };
}

function unitCube(dimensions: number): SearchSpace {
  return { params: Array.from({ length: dimensions }, (_, i) => ({ name: `x${i}`, distribution: { kind: 'float', low: 0, high: 1, log: false } as const })) };
}

function coordinates(params: Params, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, i) => params[`x${i}`] as number);
}

/** ZDT1–3's g: 1 at the front (x1…x(n−1) = 0), up to 10. */
function zdtG(x: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += x[i] as number;
  return 1 + (9 * sum) / (x.length - 1);
}

/**
 * Zitzler, Deb and Thiele (2000)'s bi-objective problems on [0, 1]^n, both objectives minimized;
 * the front is x1…x(n−1) = 0. ZDT1's is convex (f2 = 1 − √f1), ZDT2's concave (1 − f1²), ZDT3's
 * five disconnected pieces. Reference (1.1, 11): beyond every point the box can produce (g ≤ 10).
 */
export function zdt(variant: 1 | 2 | 3, dimensions = 10): TestProblem {
  const shape = {
    1: (r: number) => 1 - Math.sqrt(r),
    2: (r: number) => 1 - r * r,
    3: (r: number, f1: number) => 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1),
  }[variant];
  return {
    name: `ZDT${variant}`,
    space: unitCube(dimensions),
    directions: ['minimize', 'minimize'],
    reference: [1.1, 11],
    evaluate: (params) => {
      const x = coordinates(params, dimensions);
      const f1 = x[0] as number;
      const g = zdtG(x);
      return [f1, g * shape(f1 / g, f1)];
    },
  };
}

/** ZDT1's front (f2 = 1 − √f1) against (1.1, 11): the box 1.1 × 11 less ∫₀¹ (1 − √f) df = 1/3. */
export const ZDT1_IDEAL_HYPERVOLUME = 1.1 * 11 - 1 / 3;

/**
 * Deb, Thiele, Laumanns and Zitzler (2002)'s DTLZ2 with 3 objectives and k = 10 distance
 * variables (12 in all): the front is the unit sphere's positive octant, reached at x3… = 0.5.
 * Reference (2.5, 2.5, 2.5).
 */
export function dtlz2(k = 10): TestProblem {
  const dimensions = 2 + k;
  return {
    name: 'DTLZ2',
    space: unitCube(dimensions),
    directions: ['minimize', 'minimize', 'minimize'],
    reference: [2.5, 2.5, 2.5],
    evaluate: (params) => {
      const x = coordinates(params, dimensions);
      let g = 0;
      for (let i = 2; i < dimensions; i++) g += ((x[i] as number) - 0.5) ** 2;
      const a = ((x[0] as number) * Math.PI) / 2;
      const b = ((x[1] as number) * Math.PI) / 2;
      return [(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)];
    },
  };
}

/**
 * A 2D problem with a feasible disc of 20% of the square: minimize (x, (1 − x)² + y) subject to
 * (x − 0.5)² + (y − 0.5)² ≤ 0.2/π. Random search finds a feasible point 20% of the time.
 */
export function constrainedDisc(): TestProblem {
  const radiusSquared = 0.2 / Math.PI;
  return {
    name: 'disc',
    space: unitCube(2),
    directions: ['minimize', 'minimize'],
    reference: [1.1, 2.1],
    evaluate: (params) => {
      const [x, y] = coordinates(params, 2) as [number, number];
      return [x, (1 - x) ** 2 + y];
    },
    constraints: {
      bounds: [{ max: radiusSquared }],
      evaluate: (params) => {
        const [x, y] = coordinates(params, 2) as [number, number];
        return [(x - 0.5) ** 2 + (y - 0.5) ** 2];
      },
    },
  };
}
