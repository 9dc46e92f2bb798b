/**
 * Standard test functions as search spaces and objectives (minimize), shared by the samplers'
 * quality tests. The benchmark (tools/bench/quality) has its own copies in plain JS and Python.
 */
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';

/** Branin–Hoo's domain, [−5, 10] × [0, 15]. */
export const BRANIN_SPACE: SearchSpace = {
  params: [
    { name: 'x1', distribution: { kind: 'float', low: -5, high: 10, log: false } },
    { name: 'x2', distribution: { kind: 'float', low: 0, high: 15, log: false } },
  ],
};

/** Branin–Hoo: three global minima of 0.397887, one at (π, 2.275). */
export function branin(p: Params): number {
  const x1 = p['x1'] as number;
  const x2 = p['x2'] as number;
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

/** Hartmann-6's domain, [0, 1]⁶ as x0…x5. */
export const HARTMANN6_SPACE: SearchSpace = {
  params: Array.from({ length: 6 }, (_, j) => ({ name: `x${j}`, distribution: { kind: 'float', low: 0, high: 1, log: false } as const })),
};

const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
];
const HARTMANN_ALPHA = [1, 1.2, 3, 3.2];

/** Hartmann-6: global minimum −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
export function hartmann6(p: Params): number {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    let exponent = 0;
    for (let j = 0; j < 6; j++) exponent += (HARTMANN_A[i]![j] as number) * ((p[`x${j}`] as number) - (HARTMANN_P[i]![j] as number) * 1e-4) ** 2;
    sum -= (HARTMANN_ALPHA[i] as number) * Math.exp(-exponent);
  }
  return sum;
}

/** A space shaped like a real sweep: a categorical optimizer, a log lr and a log int. */
export const MIXED_SPACE: SearchSpace = {
  params: [
    { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum', 'adam', 'rmsprop'] } },
    { name: 'lr', distribution: { kind: 'float', low: 1e-5, high: 1, log: true } },
    { name: 'units', distribution: { kind: 'int', low: 16, high: 512, log: true, step: 1 } },
  ],
};

// Each optimizer has its own floor and its own best learning rate, as in a real sweep.
const FLOOR: Record<string, number> = { sgd: 1, momentum: 0.5, adam: 0, rmsprop: 0.3 };
const BEST_LOG10_LR: Record<string, number> = { sgd: -1, momentum: -1.5, adam: -3, rmsprop: -2.5 };

/** MIXED_SPACE's objective: minimum 0 (adam, lr 1e-3, 128 units). */
export function mixedObjective(p: Params): number {
  const optimizer = p['optimizer'] as string;
  return (
    (FLOOR[optimizer] as number) +
    (Math.log10(p['lr'] as number) - (BEST_LOG10_LR[optimizer] as number)) ** 2 / 4 +
    (Math.log2(p['units'] as number) - 7) ** 2 / 9
  );
}
