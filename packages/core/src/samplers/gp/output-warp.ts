/**
 * How the observed values are shaped before the GP sees them (larger is better throughout).
 *
 * - Standardized, then Box-Cox warped: x = best − z + 1 (the shortfall from the best, offset by one
 *   standard deviation so the best is not sent to −∞) goes through (x^λ − 1)/λ (log x at λ = 0),
 *   with λ ∈ {0, 0.1, …, 1} the one under which the warped values look most normal (profile
 *   likelihood). On functions with a long tail of very bad values (Rosenbrock, Styblinski-Tang near
 *   the edges of the box) λ lands near 0 and the tail is compressed, so that it no longer sets the
 *   scale of the good region where the search happens; on well-behaved values λ stays near 1 and the
 *   warp is an affine map. The order of the values never changes.
 * - Standardized again, then shifted so that the 10th percentile (a bad but not the worst value) is
 *   0, the GP's prior mean: far from every observation the model expects a poor value rather than
 *   an average one. With an average prior mean, in 8 dimensions the corners of the box (high
 *   variance, average mean) won the expected improvement again and again; with a pessimistic one
 *   the search explores, but near what the data say is good.
 */

/** Box-Cox exponents tried. */
const LAMBDAS = Array.from({ length: 11 }, (_, k) => k / 10);
/** The quantile (from the worst) that becomes the prior mean. */
const PRIOR_MEAN_QUANTILE = 0.1;

function standardize(values: readonly number[]): number[] {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
  const scale = sd > 0 && Number.isFinite(sd) ? sd : 1;
  return values.map((v) => (v - mean) / scale);
}

function boxCox(x: number, lambda: number): number {
  return lambda === 0 ? Math.log(x) : (x ** lambda - 1) / lambda;
}

/** The Box-Cox exponent in LAMBDAS maximizing the profile log-likelihood of `x` (all ≥ 1); ties: the smallest. */
export function boxCoxExponent(x: readonly number[]): number {
  const n = x.length;
  let sumLog = 0;
  for (const v of x) sumLog += Math.log(v);
  let chosen = 1;
  let bestLikelihood = -Infinity;
  for (const lambda of LAMBDAS) {
    const t = x.map((v) => boxCox(v, lambda));
    const mean = t.reduce((sum, v) => sum + v, 0) / n;
    const variance = t.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n;
    if (!(variance > 0)) return 1;
    const likelihood = -0.5 * n * Math.log(variance) + (lambda - 1) * sumLog;
    if (likelihood > bestLikelihood) {
      bestLikelihood = likelihood;
      chosen = lambda;
    }
  }
  return chosen;
}

/**
 * The values the GP is fitted to, from raw values `raw` (larger is better), in the same order and
 * with the same ranking: standardized, Box-Cox warped, restandardized and shifted so that the
 * PRIOR_MEAN_QUANTILE-th value is 0. All equal values give all zeros.
 */
export function warpValues(raw: readonly number[]): number[] {
  if (raw.length === 0) return [];
  const z = standardize(raw);
  // Loops, not Math.max(...values): a spread of a long history can overflow the call stack.
  let best = -Infinity;
  for (const v of z) best = Math.max(best, v);
  const shortfall = z.map((v) => best - v + 1);
  const lambda = boxCoxExponent(shortfall);
  const warped = standardize(shortfall.map((x) => -boxCox(x, lambda)));
  const sorted = [...warped].sort((a, b) => a - b);
  const priorMean = sorted[Math.floor(sorted.length * PRIOR_MEAN_QUANTILE)] as number;
  return warped.map((v) => v - priorMean);
}
