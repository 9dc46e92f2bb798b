import { contains, type ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { NumericDistribution } from '../step-grid.js';
import { buildCategoricalEstimator, type CategoricalEstimator } from './categorical-estimator.js';
import { defaultWeights } from './default-weights.js';
import type { NumericDomain } from './numeric-domain.js';
import { logCellMasses } from './parzen-cell-mass.js';
import { buildParzenEstimator, logDensities, type ParzenEstimator } from './parzen-estimator.js';

/**
 * The internal positions of `name`'s values in `trials` (in their order), skipping trials where the
 * param is inactive and values not legal now: a record from before a spec change must not drag
 * the model outside the range.
 */
export function numericObservations(name: string, distribution: NumericDistribution, domain: NumericDomain, trials: readonly FrozenTrial[]): Float64Array {
  const observed: number[] = [];
  for (const trial of trials) {
    const value = trial.params[name];
    if (value !== undefined && contains(distribution, value)) observed.push(domain.toInternal(value as number));
  }
  return new Float64Array(observed);
}

/** The univariate Parzen estimator of numeric param `name` over `trials` (TPE's l(x) or g(x)). */
export function numericEstimator(
  name: string,
  distribution: NumericDistribution,
  domain: NumericDomain,
  trials: readonly FrozenTrial[],
  priorWeight: number,
): ParzenEstimator {
  const observed = numericObservations(name, distribution, domain, trials);
  return buildParzenEstimator(observed, defaultWeights(observed.length), domain.low, domain.high, priorWeight);
}

/** The choice indices of `name`'s values in `trials`, skipping trials where it is inactive or its value is no longer a choice. */
export function categoricalObservations(name: string, choices: readonly ParamValue[], trials: readonly FrozenTrial[]): Int32Array {
  const observed: number[] = [];
  for (const trial of trials) {
    const value = trial.params[name];
    const index = value === undefined ? -1 : choices.indexOf(value);
    if (index >= 0) observed.push(index);
  }
  return new Int32Array(observed);
}

/** The univariate estimator of categorical param `name` over `trials`. */
export function categoricalEstimator(name: string, choices: readonly ParamValue[], trials: readonly FrozenTrial[], priorWeight: number): CategoricalEstimator {
  const observed = categoricalObservations(name, choices, trials);
  return buildCategoricalEstimator(choices.length, observed, defaultWeights(observed.length), priorWeight);
}

/**
 * The log likelihood TPE scores internal positions by, written to `out`: the cell mass for a param
 * on a linear grid, the density otherwise (see NumericDomain.halfCell).
 */
export function numericLogLikelihoods(estimator: ParzenEstimator, domain: NumericDomain, positions: Float64Array, out: Float64Array): void {
  if (domain.halfCell === undefined) logDensities(estimator, positions, out);
  else logCellMasses(estimator, positions, domain.halfCell, out);
}
