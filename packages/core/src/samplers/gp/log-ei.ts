import { erfc, erfcx } from './erfcx.js';

/**
 * Log expected improvement, computed stably as in Ament et al. 2023 ("Unexpected improvements to
 * expected improvement"). For a normal posterior N(μ, σ²) and incumbent f*, EI = σ·h(z) with
 * z = (μ − f*)/σ and h(z) = φ(z) + z·Φ(z). Far below the incumbent h(z) underflows to 0 (z < −38
 * or so), and a plain log(EI) would make every such candidate tie at −Infinity: the optimizer would
 * see a flat landscape. Working with log h keeps both the value and its slope meaningful.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
const SQRT_HALF = Math.SQRT1_2;
/** Beyond −z = 40 the asymptotic series of 1 − |z|·√(π/2)·erfcx(|z|/√2) is exact to ~1e-12. */
const ASYMPTOTIC_LIMIT = 40;

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT_HALF);
}

/**
 * g(x) = 1 − x·√(π/2)·erfcx(x/√2) for x ≥ 1, so that h(−x) = φ(x)·g(x). g shrinks like 1/x²;
 * past x = 40 the subtraction would lose digits, so its asymptotic series takes over.
 */
function tailFactor(x: number): number {
  if (x < ASYMPTOTIC_LIMIT) return 1 - x * SQRT_HALF_PI * erfcx(x * SQRT_HALF);
  const inv2 = 1 / (x * x);
  // 1/x² · (1 − 3/x² + 15/x⁴ − 105/x⁶ + 945/x⁸ − 10395/x¹⁰): the double-factorial series.
  return inv2 * (1 + inv2 * (-3 + inv2 * (15 + inv2 * (-105 + inv2 * (945 - inv2 * 10395)))));
}

/**
 * log h(z), h(z) = φ(z) + z·Φ(z) = E[max(Z + z, 0)] for a standard normal Z. Finite for every
 * finite z (about −z²/2 − 2·log|z| far in the lower tail).
 */
export function logH(z: number): number {
  if (z > -1) return Math.log(normalPdf(z) + z * normalCdf(z));
  const x = -z;
  return -0.5 * x * x - LOG_SQRT_2PI + Math.log(tailFactor(x));
}

/** d log h / dz = Φ(z)/h(z): positive, about |z| far in the lower tail, tending to 0 as z grows. */
export function logHSlope(z: number): number {
  if (z > -1) return normalCdf(z) / (normalPdf(z) + z * normalCdf(z));
  const x = -z;
  const g = tailFactor(x);
  // Φ(−x)/h(−x) = √(π/2)·erfcx(x/√2)/g(x), and √(π/2)·erfcx(x/√2) = (1 − g)/x.
  return (1 - g) / (x * g);
}

/**
 * log EI of a normal posterior with mean `mean` and standard deviation `sd` > 0 over the incumbent
 * `best` (maximizing): log σ + log h((μ − f*)/σ).
 */
export function logExpectedImprovement(mean: number, sd: number, best: number): number {
  return Math.log(sd) + logH((mean - best) / sd);
}
