/**
 * The standard normal restricted to [a, b], in log space: TPE's kernels are normals cut to the
 * parameter's range, and a kernel far from a bound must still give a finite log density and a
 * sample inside the range.
 */
import { logNdtr, lowerTail, ndtriExp } from './normal.js';

/** Φ(−8.5) ≈ 9.5e-18: a tail this thin is lost in rounding next to a mass of 1/2 or more. */
const FAR = 8.5;

/**
 * log(Φ(b) − Φ(a)) for a < b: the probability a standard normal falls in [a, b]. Exact in both
 * tails: an interval on the right is mirrored to the left, where Φ is tiny and precise.
 */
export function logMass(a: number, b: number): number {
  if (a >= 0) return logMass(-b, -a);
  if (b <= 0) {
    const logB = logNdtr(b);
    return logB + log1mExp(logNdtr(a) - logB);
  }
  // a < 0 < b: both tails are at most 1/2, so 1 − both loses nothing. A tail past FAR moves the
  // mass 1 − tails (≥ 1/2) by less than half an ulp, so its erfc is skipped: most kernels of a long
  // history sit well inside the range.
  const tails = (a < -FAR ? 0 : lowerTail(a)) + (b > FAR ? 0 : lowerTail(-b));
  return tails === 0 ? 0 : Math.log1p(-tails);
}

/**
 * A draw from the standard normal cut to [a, b] (a < b) by inverting its CDF at `u` in [0, 1):
 * Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))), every term in log space. `logMassAB` is logMass(a, b), passed in
 * because the caller already has it.
 */
export function sampleTruncatedStandard(a: number, b: number, logMassAB: number, u: number): number {
  // Mirror a right-side interval so the CDF values we invert are small, hence exact; 1 − u keeps
  // the draw increasing in u.
  if (a >= 0) return -sampleTruncatedStandard(-b, -a, logMassAB, 1 - u);
  const logP = logAddExp(logNdtr(a), Math.log(u) + logMassAB);
  // Rounding in the last bits can step just outside [a, b].
  return Math.min(Math.max(ndtriExp(Math.min(logP, 0)), a), b);
}

/** log(1 − e^x) for x ≤ 0, accurate near 0 and far below it. */
export function log1mExp(x: number): number {
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** log(e^x + e^y) without overflow or underflow. */
export function logAddExp(x: number, y: number): number {
  const max = Math.max(x, y);
  if (max === -Infinity) return -Infinity;
  return max + Math.log1p(Math.exp(Math.min(x, y) - max));
}
