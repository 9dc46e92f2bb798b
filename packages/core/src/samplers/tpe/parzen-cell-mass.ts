import type { ParzenEstimator } from './parzen-estimator.js';
import { logMass } from './truncated-normal.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** A kernel term this far (in log) below the largest one cannot change the sum in double precision. */
const NEGLIGIBLE = -40;

/**
 * For a param on a grid (an int, or a float with a step, outside log scale), the log probability
 * the estimator gives each grid point's cell [x − halfWidth, x + halfWidth] ∩ [low, high], written
 * to `out`: the chance a draw rounds to x, which is what Optuna scores such a param by (its q),
 * rather than the density at x. An end cell is half as wide as the others, as in Optuna.
 *
 * A kernel's mass in a cell is at most the cell's width times the kernel's largest density in it;
 * kernels whose bound is e^40 below a computed term are skipped (their erfc is most of the cost).
 */
export function logCellMasses(estimator: ParzenEstimator, xs: Float64Array, halfWidth: number, out: Float64Array): void {
  const { mus, sigmas, inverseSigmas, weights, logMasses, low, high } = estimator;
  const m = mus.length;
  const logShares = new Float64Array(m);
  for (let k = 0; k < m; k++) logShares[k] = Math.log(weights[k] as number) - (logMasses[k] as number);
  const bounds = new Float64Array(m);
  const terms = new Float64Array(m);
  const cached = new Map<number, number>();
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const known = cached.get(x);
    if (known !== undefined) {
      out[i] = known;
      continue;
    }
    const lower = Math.max(x - halfWidth, low);
    const upper = Math.min(x + halfWidth, high);
    const logWidth = Math.log(upper - lower);
    // Upper bounds on each kernel's term; the kernel with the largest bound anchors the cut-off.
    let anchor = 0;
    for (let k = 0; k < m; k++) {
      const mu = mus[k] as number;
      const nearest = mu < lower ? lower - mu : mu > upper ? mu - upper : 0;
      const z = nearest * (inverseSigmas[k] as number);
      bounds[k] = (logShares[k] as number) + logWidth - Math.log(sigmas[k] as number) - LOG_SQRT_2PI - 0.5 * z * z;
      if ((bounds[k] as number) > (bounds[anchor] as number)) anchor = k;
    }
    const cellTerm = (k: number): number => {
      const mu = mus[k] as number;
      const inverse = inverseSigmas[k] as number;
      return (logShares[k] as number) + logMass((lower - mu) * inverse, (upper - mu) * inverse);
    };
    const cutoff = cellTerm(anchor) + NEGLIGIBLE;
    let max = -Infinity;
    for (let k = 0; k < m; k++) {
      const term = (bounds[k] as number) < cutoff ? -Infinity : cellTerm(k);
      terms[k] = term;
      if (term > max) max = term;
    }
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const d = (terms[k] as number) - max;
      if (d > NEGLIGIBLE) sum += Math.exp(d);
    }
    const result = max + Math.log(sum);
    cached.set(x, result);
    out[i] = result;
  }
}
