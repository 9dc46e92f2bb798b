import type { RandomSource } from '../../random.js';
import type { Distribution, ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { NumericDistribution } from '../step-grid.js';
import { numericDomain } from './numeric-domain.js';
import { bestCategoricalCandidate, bestNumericCandidate } from './best-candidate.js';
import { categoricalEstimator, numericEstimator } from './param-estimators.js';

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
  return bestNumericCandidate(domain, below, [[below, above]], sampling.nEiCandidates, sampling.random);
}

function sampleCategorical(choices: readonly ParamValue[], sampling: ParamSampling): ParamValue {
  const logL = categoricalEstimator(sampling.name, choices, sampling.below, sampling.priorWeight).logProbabilities;
  const logG = categoricalEstimator(sampling.name, choices, sampling.above, sampling.priorWeight).logProbabilities;
  return bestCategoricalCandidate(choices, logL, [[logL, logG]], sampling.nEiCandidates, sampling.random);
}
