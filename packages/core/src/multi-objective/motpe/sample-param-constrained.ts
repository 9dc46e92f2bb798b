import type { RandomSource } from '../../random.js';
import type { NumericDistribution } from '../../samplers/step-grid.js';
import { buildCategoricalEstimator } from '../../samplers/tpe/categorical-estimator.js';
import { defaultWeights } from '../../samplers/tpe/default-weights.js';
import { numericDomain } from '../../samplers/tpe/numeric-domain.js';
import { buildParzenEstimator, logDensities, pick, sampleParzen, type ParzenEstimator } from '../../samplers/tpe/parzen-estimator.js';
import { contains, type Distribution, type ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';

/** One good/bad split of the history. */
export interface TrialSplit {
  readonly below: readonly FrozenTrial[];
  readonly above: readonly FrozenTrial[];
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
 * the best kept (ties: the first drawn). With no constraint splits this is sampleParam's rule.
 * Built from the same estimators as core's TPE (numericDomain, buildParzenEstimator,
 * buildCategoricalEstimator with default weights), so one param's model means the same in both.
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
  const estimator = (trials: readonly FrozenTrial[]): ParzenEstimator => {
    const observed: number[] = [];
    for (const trial of trials) {
      const value = trial.params[sampling.name];
      if (value !== undefined && contains(distribution, value)) observed.push(domain.toInternal(value as number));
    }
    return buildParzenEstimator(Float64Array.from(observed), defaultWeights(observed.length), domain.low, domain.high, sampling.priorWeight);
  };
  const splits = [sampling.objective, ...sampling.constraints];
  const models = splits.map((split) => [estimator(split.below), estimator(split.above)] as const);

  const count = sampling.nEiCandidates;
  const values = new Float64Array(count);
  const positions = new Float64Array(count);
  const objectiveBelow = (models[0] as readonly [ParzenEstimator, ParzenEstimator])[0];
  for (let i = 0; i < count; i++) {
    const value = domain.toValue(sampleParzen(objectiveBelow, sampling.random));
    values[i] = value;
    positions[i] = domain.toInternal(value);
  }
  const scores = new Float64Array(count);
  const logL = new Float64Array(count);
  const logG = new Float64Array(count);
  for (const [below, above] of models) {
    logDensities(below, positions, logL);
    logDensities(above, positions, logG);
    for (let i = 0; i < count; i++) scores[i] = (scores[i] as number) + (logL[i] as number) - (logG[i] as number);
  }
  let best = 0;
  for (let i = 1; i < count; i++) if ((scores[i] as number) > (scores[best] as number)) best = i;
  return values[best] as number;
}

function sampleCategorical(choices: readonly ParamValue[], sampling: ConstrainedParamSampling): ParamValue {
  const logProbabilities = (trials: readonly FrozenTrial[]): Float64Array => {
    const observed: number[] = [];
    for (const trial of trials) {
      const value = trial.params[sampling.name];
      const index = value === undefined ? -1 : choices.indexOf(value);
      if (index >= 0) observed.push(index);
    }
    return buildCategoricalEstimator(choices.length, Int32Array.from(observed), defaultWeights(observed.length), sampling.priorWeight).logProbabilities;
  };
  const score = new Float64Array(choices.length);
  for (const split of [sampling.objective, ...sampling.constraints]) {
    const logL = logProbabilities(split.below);
    const logG = logProbabilities(split.above);
    for (let c = 0; c < choices.length; c++) score[c] = (score[c] as number) + (logL[c] as number) - (logG[c] as number);
  }
  const objectiveL = logProbabilities(sampling.objective.below);
  const cumulative = new Float64Array(choices.length);
  let running = 0;
  for (let c = 0; c < choices.length; c++) {
    running += Math.exp(objectiveL[c] as number);
    cumulative[c] = running;
  }
  let best = -1;
  for (let i = 0; i < sampling.nEiCandidates; i++) {
    const c = pick(cumulative, sampling.random());
    if (best < 0 || (score[c] as number) > (score[best] as number)) best = c;
  }
  return choices[best] as ParamValue;
}
