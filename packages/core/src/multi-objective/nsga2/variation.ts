import type { RandomSource } from '../../random.js';

/**
 * Simulated binary crossover (Deb and Agrawal 1995), the bounded form of Deb's NSGA-II code: a
 * child spread around its parents x1, x2 in [low, high] with a polynomial distribution of index
 * `eta` (larger: closer to the parents), never outside the bounds. Returns one of the two children
 * at random. O(1).
 */
export function simulatedBinaryCrossover(x1: number, x2: number, low: number, high: number, eta: number, random: RandomSource): number {
  const pickSecond = random() < 0.5;
  if (!(Math.abs(x1 - x2) > 1e-14) || !(high > low)) return pickSecond ? x2 : x1;
  const y1 = Math.min(x1, x2);
  const y2 = Math.max(x1, x2);
  const u = random();
  const spread = (distanceToBound: number): number => {
    const beta = 1 + (2 * distanceToBound) / (y2 - y1);
    const alpha = 2 - beta ** -(eta + 1);
    return u <= 1 / alpha ? (u * alpha) ** (1 / (eta + 1)) : (1 / (2 - u * alpha)) ** (1 / (eta + 1));
  };
  const child = pickSecond ? 0.5 * (y1 + y2 + spread(high - y2) * (y2 - y1)) : 0.5 * (y1 + y2 - spread(y1 - low) * (y2 - y1));
  return Math.min(Math.max(child, low), high);
}

/**
 * Polynomial mutation (Deb and Goyal 1996, bounded form): a step from x in [low, high] whose size
 * has a polynomial distribution of index `eta` (larger: smaller steps), scaled so it never leaves
 * the bounds. O(1).
 */
export function polynomialMutation(x: number, low: number, high: number, eta: number, random: RandomSource): number {
  const range = high - low;
  if (!(range > 0)) return x;
  const power = 1 / (eta + 1);
  const u = random();
  let delta: number;
  if (u < 0.5) {
    const xy = 1 - (x - low) / range;
    delta = (2 * u + (1 - 2 * u) * xy ** (eta + 1)) ** power - 1;
  } else {
    const xy = 1 - (high - x) / range;
    delta = 1 - (2 * (1 - u) + 2 * (u - 0.5) * xy ** (eta + 1)) ** power;
  }
  return Math.min(Math.max(x + delta * range, low), high);
}
