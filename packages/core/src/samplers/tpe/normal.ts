/**
 * The standard normal's CDF and its inverse, in log space so the far tails stay exact: a
 * truncated normal whose interval lies 30σ from its mean still has a finite log density and can
 * still be sampled. erfc's relative error is within 7e-16 of mpmath's on [−6, 30] (3,001 points),
 * the tests' bounds (normal.test.ts) are looser.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * erfc from W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for
 * the error function", Math. Comp. 23, 1969; his netlib CALERF), good to about 18 digits in exact
 * arithmetic, so to a few ulps in doubles. A fixed handful of multiply-adds per call where the
 * series and continued fraction they replace took up to ~40 iterations: TPE computes a truncation
 * mass per kernel, thousands per ask.
 */

/** Below this |x|, erf(x) = x·R(x²) and erfc = 1 − erf loses nothing (erfc ≥ 0.5). */
const ERF_UNTIL = 0.46875;
/** Up to here e^(x²)·erfc(x) is a rational function of x; beyond, of 1/x². */
const MIDDLE_UNTIL = 4;

const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

// Cody's coefficients (18 digits in CALERF, here the doubles they round to), written into the
// Horner forms below: an array destructured per call cost more than the arithmetic.

/** erf(x) for |x| ≤ ERF_UNTIL: x·P(x²)/Q(x²). */
function erfNear0(x: number): number {
  const t = x * x;
  const num = (((0.18577770618460315 * t + 3.1611237438705655) * t + 113.86415415105016) * t + 377.485237685302) * t + 3209.3775891384694;
  const den = (((t + 23.601290952344122) * t + 244.02463793444417) * t + 1282.6165260773723) * t + 2844.236833439171;
  return (x * num) / den;
}

/** e^(x²)·erfc(x) for x > ERF_UNTIL (Cody's ERFCX), which neither underflows nor overflows. */
function scaledErfc(x: number): number {
  if (x <= MIDDLE_UNTIL) {
    const num =
      (((((((2.1531153547440383e-8 * x + 0.5641884969886701) * x + 8.883149794388377) * x + 66.11919063714163) * x + 298.6351381974001) * x +
        881.952221241769) *
        x +
        1712.0476126340707) *
        x +
        2051.0783778260716) *
        x +
      1230.3393547979972;
    const den =
      (((((((x + 15.744926110709835) * x + 117.6939508913125) * x + 537.1811018620099) * x + 1621.3895745666903) * x + 3290.7992357334597) * x +
        4362.619090143247) *
        x +
        3439.3676741437216) *
        x +
      1230.3393548037495;
    return num / den;
  }
  // Past 4, a rational function of t = 1/x² for the asymptotic series' correction.
  const t = 1 / (x * x);
  const num =
    t *
    (((((0.016315387137302097 * t + 0.30532663496123236) * t + 0.36034489994980445) * t + 0.12578172611122926) * t + 0.016083785148742275) * t +
      0.0006587491615298378);
  const den = ((((t + 2.568520192289822) * t + 1.8729528499234604) * t + 0.5279051029514285) * t + 0.06051834131244132) * t + 0.0023352049762686918;
  return (ONE_OVER_SQRT_PI - num / den) / x;
}

/** The complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  if (x < -ERF_UNTIL) return 2 - erfc(-x);
  if (x <= ERF_UNTIL) return 1 - erfNear0(x);
  // e^(−x²) as e^(−h²)·e^(−(x − h)(x + h)), h = x cut to 1/16 so h² is exact: one exp(−x²) would
  // carry x²'s rounding times x² into the result (Cody's trick).
  const h = Math.trunc(x * 16) / 16;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h)) * scaledErfc(x);
}

/** log erfc(x), finite for every finite x. */
export function logErfc(x: number): number {
  if (x <= ERF_UNTIL) return Math.log(erfc(x));
  // In log form −x²'s rounding is an absolute error of an ulp of x², relative to the result the same.
  return -x * x + Math.log(scaledErfc(x));
}

/** Φ(z), the standard normal CDF. */
export function ndtr(z: number): number {
  return 0.5 * erfc(-z * Math.SQRT1_2);
}

/**
 * Φ(z) for z ≤ 0 with one exp where ndtr takes two: e^(−x²) straight from x², whose rounding costs
 * a relative error of about x²·2e-16, where the tail is small enough that it stays within 1e-16
 * absolute. Subtracted from 1 in a truncation mass (logMass) of at least 1/4, that is noise; the
 * masses of a thousand kernels are computed on every ask.
 */
export function lowerTail(z: number): number {
  const x = -z * Math.SQRT1_2;
  if (x <= ERF_UNTIL) return 0.5 * (1 - erfNear0(x));
  return 0.5 * Math.exp(-x * x) * scaledErfc(x);
}

/** log Φ(z), finite for every finite z (log Φ(−40) ≈ −804.6). */
export function logNdtr(z: number): number {
  if (z < 0) return logErfc(-z * Math.SQRT1_2) - Math.LN2;
  return Math.log1p(-0.5 * erfc(z * Math.SQRT1_2));
}

/** log φ(z), the standard normal log density. */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - LOG_SQRT_2PI;
}

/**
 * The z with log Φ(z) = logP (logP ≤ 0): Φ's inverse, taking the probability in log form so a
 * tail probability below the smallest double (log p = −2000) still has its quantile.
 */
export function ndtriExp(logP: number): number {
  // Above p = 1/2, invert the upper tail 1 − p instead, computed without cancellation.
  if (logP > -Math.LN2) return -lowerQuantile(Math.log(-Math.expm1(logP)));
  return lowerQuantile(logP);
}

/** Φ⁻¹(p) for p in [0, 1]. */
export function ndtri(p: number): number {
  return ndtriExp(Math.log(p));
}

/**
 * The z ≤ 0 with log Φ(z) = logP ≤ −ln 2: a rational first guess (Acklam's, good to ~1e-9), then
 * Newton on log Φ, which is increasing and concave, so the steps cannot overshoot into a region
 * where they diverge; two steps usually reach full precision.
 */
function lowerQuantile(logP: number): number {
  if (logP === -Infinity) return -Infinity;
  let z = acklamGuess(logP);
  for (let i = 0; i < 20; i++) {
    const current = logNdtr(z);
    // d/dz log Φ(z) = φ(z)/Φ(z), formed in log space so it stays finite in the tail.
    const step = (logP - current) / Math.exp(logNormalPdf(z) - current);
    z += step;
    if (!(Math.abs(step) > 1e-15 * Math.max(1, Math.abs(z)))) break;
  }
  return Math.min(z, 0);
}

/** Acklam's rational approximation of Φ⁻¹ for p ≤ 1/2, with the tail branch written in log p. */
function acklamGuess(logP: number): number {
  const p = Math.exp(logP);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * logP);
    return (
      (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q +
        2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r +
      2.506628277459239) *
      q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1)
  );
}
