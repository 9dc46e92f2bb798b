import type { RandomSource } from '../../random.js';
import type { NumericDistribution } from '../../samplers/step-grid.js';
import { numericDomain } from '../../samplers/tpe/numeric-domain.js';
import { bestCategoricalCandidate, bestNumericCandidate } from '../../samplers/tpe/best-candidate.js';
import { categoricalEstimator, numericEstimator } from '../../samplers/tpe/param-estimators.js';
import { buildCategoricalEstimator } from '../../samplers/tpe/categorical-estimator.js';
import { buildParzenEstimator, type ParzenEstimator } from '../../samplers/tpe/parzen-estimator.js';
import { contains, type Distribution, type ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';

/** One good/bad split of the history. */
export interface TrialSplit {
  readonly below: readonly FrozenTrial[];
  readonly above: readonly FrozenTrial[];
  /**
   * One weight per `below` trial (MOTPE: its hypervolume contribution, see hypervolumeWeights).
   * Absent: core TPE's default weights.
   */
  readonly belowWeights?: readonly number[];
}

export interface ConstrainedParamSampling {
  readonly name: string;
  /** The objectives' split: candidates are drawn from its l(x). */
  readonly objective: TrialSplit;
  /** One split per constraint (see constraintSplits). */
  readonly constraints: readonly TrialSplit[];
  readonly nEiCandidates: number;
  readonly priorWeight: number;
  readonly random: RandomSource;
}

/**
 * c-TPE's choice for one param: candidates drawn from the objectives' l(x), each scored by the
 * product over the objective split and every constraint split of l(x)/g(x) (a sum of log ratios),
 * the best kept (ties: the first drawn). With no constraint splits this is sampleParam's rule,
 * with the good trials weighed by the split's `belowWeights` where it has them.
 * Built from the same estimators as core's TPE (param-estimators.ts: Optuna's kernels, grid cells
 * scored by their mass), so one param's model means the same in both.
 * O(k·(s + n)) for k splits, s candidates and n trials.
 */
export function sampleParamConstrained(distribution: Distribution, sampling: ConstrainedParamSampling): ParamValue {
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

function sampleNumeric(distribution: NumericDistribution, sampling: ConstrainedParamSampling): number {
  const domain = numericDomain(distribution);
  if (!(domain.high > domain.low)) return domain.toValue(domain.low);
  const estimator = (trials: readonly FrozenTrial[], weights?: readonly number[]): ParzenEstimator => {
    if (weights === undefined) return numericEstimator(sampling.name, distribution, domain, trials, sampling.priorWeight);
    const observed: number[] = [];
    const kept: number[] = [];
    trials.forEach((trial, i) => {
      const value = trial.params[sampling.name];
      if (value === undefined || !contains(distribution, value)) return;
      observed.push(domain.toInternal(value as number));
      kept.push(weights[i] as number);
    });
    return buildParzenEstimator(new Float64Array(observed), new Float64Array(kept), domain.low, domain.high, sampling.priorWeight);
  };
  const splits = [sampling.objective, ...sampling.constraints];
  const models = splits.map((split) => [estimator(split.below, split.belowWeights), estimator(split.above)] as const);

  const objectiveBelow = (models[0] as readonly [ParzenEstimator, ParzenEstimator])[0];
  return bestNumericCandidate(domain, objectiveBelow, models, sampling.nEiCandidates, sampling.random);
}

function sampleCategorical(choices: readonly ParamValue[], sampling: ConstrainedParamSampling): ParamValue {
  const logProbabilities = (trials: readonly FrozenTrial[], weights?: readonly number[]): Float64Array => {
    if (weights === undefined) return categoricalEstimator(sampling.name, choices, trials, sampling.priorWeight).logProbabilities;
    const observed: number[] = [];
    const kept: number[] = [];
    trials.forEach((trial, i) => {
      const index = trial.params[sampling.name] === undefined ? -1 : choices.indexOf(trial.params[sampling.name] as ParamValue);
      if (index < 0) return;
      observed.push(index);
      kept.push(weights[i] as number);
    });
    return buildCategoricalEstimator(choices.length, new Int32Array(observed), new Float64Array(kept), sampling.priorWeight).logProbabilities;
  };
  const objectiveL = logProbabilities(sampling.objective.below, sampling.objective.belowWeights);
  const models = [sampling.objective, ...sampling.constraints].map(
    (split) => [split === sampling.objective ? objectiveL : logProbabilities(split.below, split.belowWeights), logProbabilities(split.above)] as const,
  );
  return bestCategoricalCandidate(choices, objectiveL, models, sampling.nEiCandidates, sampling.random);
}
