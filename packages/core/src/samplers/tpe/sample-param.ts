import type { RandomSource } from '../../random.js';
import type { Distribution, ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { NumericDistribution } from '../step-grid.js';
import { numericDomain } from './numeric-domain.js';
import { categoricalEstimator, numericEstimator, numericLogLikelihoods } from './param-estimators.js';
import { pick, sampleParzen } from './parzen-estimator.js';

/** What one param's proposal needs: the split history and the TPE knobs. */
export interface ParamSampling {
  readonly name: string;
  readonly below: readonly FrozenTrial[];
  readonly above: readonly FrozenTrial[];
  readonly nEiCandidates: number;
  readonly priorWeight: number;
  readonly random: RandomSource;
}

/**
 * TPE's choice for one param: draw candidates from l(x), the density of the good trials' values,
 * and keep the one with the highest log l(x) − log g(x) (ties: the first drawn), which maximizes
 * expected improvement (Bergstra et al. 2011). Each param is modelled on its own (univariate TPE)
 * from the trials where it was active, so a conditional param learns only from its own branch.
 */
export function sampleParam(distribution: Distribution, sampling: ParamSampling): ParamValue {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'categorical':
      return sampleCategorical(distribution.choices, sampling);
    case 'float':
    case 'int':
      return sampleNumeric(distribution, sampling);
  }
}

function sampleNumeric(distribution: NumericDistribution, sampling: ParamSampling): number {
  const domain = numericDomain(distribution);
  // A one-point range (low = high) leaves nothing to model.
  if (!(domain.high > domain.low)) return domain.toValue(domain.low);
  const below = numericEstimator(sampling.name, distribution, domain, sampling.below, sampling.priorWeight);
  const above = numericEstimator(sampling.name, distribution, domain, sampling.above, sampling.priorWeight);

  const count = sampling.nEiCandidates;
  const values = new Float64Array(count);
  const positions = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = domain.toValue(sampleParzen(below, sampling.random));
    values[i] = value;
    // Scored where the value really is: a grid point, not the unrounded draw.
    positions[i] = domain.toInternal(value);
  }
  const logL = new Float64Array(count);
  const logG = new Float64Array(count);
  numericLogLikelihoods(below, domain, positions, logL);
  numericLogLikelihoods(above, domain, positions, logG);
  let best = 0;
  for (let i = 1; i < count; i++) {
    if ((logL[i] as number) - (logG[i] as number) > (logL[best] as number) - (logG[best] as number)) best = i;
  }
  return values[best] as number;
}

function sampleCategorical(choices: readonly ParamValue[], sampling: ParamSampling): ParamValue {
  const logL = categoricalEstimator(sampling.name, choices, sampling.below, sampling.priorWeight).logProbabilities;
  const logG = categoricalEstimator(sampling.name, choices, sampling.above, sampling.priorWeight).logProbabilities;
  const cumulative = new Float64Array(choices.length);
  let running = 0;
  for (let c = 0; c < choices.length; c++) {
    running += Math.exp(logL[c] as number);
    cumulative[c] = running;
  }

  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < sampling.nEiCandidates; i++) {
    const c = pick(cumulative, sampling.random());
    const score = (logL[c] as number) - (logG[c] as number);
    if (best < 0 || score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return choices[best] as ParamValue;
}
