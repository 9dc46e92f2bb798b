import type { RandomSource } from '../../random.js';
import type { ParamValue } from '../../search-space/distributions.js';
import type { ParamDefinition, SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { decomposeGroups, intersectionOfParams } from './group-decomposition.js';
import { buildJointEstimator, jointLogLikelihoods, sampleJoint, type JointParam } from './joint-estimator.js';
import { numericDomain } from './numeric-domain.js';

/** What a multivariate proposal needs: the whole history (for the groups), its split, and the TPE knobs. */
export interface JointSampling {
  readonly trials: readonly FrozenTrial[];
  readonly below: readonly FrozenTrial[];
  readonly above: readonly FrozenTrial[];
  /** One joint model per group (Optuna's group decomposition), or one for the params every trial has. */
  readonly group: boolean;
  readonly nEiCandidates: number;
  readonly priorWeight: number;
  readonly random: RandomSource;
}

/**
 * Multivariate TPE: for each group of params, draws candidates from the joint l(x) and keeps the
 * one with the highest log l(x) − log g(x) (ties: the first drawn). Returns the values proposed per
 * param; a param left out (not in any group yet, or fixed) is sampled on its own by the caller, and
 * a proposed param that turns out inactive under the proposal's own conditions is simply unused.
 */
export function sampleJointGroups(space: SearchSpace, sampling: JointSampling): Map<string, ParamValue> {
  const definitions = new Map(space.params.map((definition) => [definition.name, definition]));
  const groups = sampling.group ? decomposeGroups(sampling.trials) : [intersectionOfParams(sampling.trials)];
  const proposal = new Map<string, ParamValue>();
  for (const names of groups) {
    const params = names.flatMap((name) => {
      const definition = definitions.get(name);
      const param = definition === undefined ? undefined : jointParam(definition);
      return param === undefined ? [] : [param];
    });
    if (params.length === 0) continue;
    const below = buildJointEstimator(params, sampling.below, sampling.priorWeight);
    const above = buildJointEstimator(params, sampling.above, sampling.priorWeight);
    const { values, positions } = sampleJoint(below, sampling.nEiCandidates, sampling.random);
    const logL = new Float64Array(sampling.nEiCandidates);
    const logG = new Float64Array(sampling.nEiCandidates);
    jointLogLikelihoods(below, positions, logL);
    jointLogLikelihoods(above, positions, logG);
    let best = 0;
    for (let i = 1; i < logL.length; i++) {
      if ((logL[i] as number) - (logG[i] as number) > (logL[best] as number) - (logG[best] as number)) best = i;
    }
    params.forEach((param, d) => proposal.set(param.name, (values[d] as ParamValue[])[best] as ParamValue));
  }
  return proposal;
}

/** The param as a joint model's dimension; undefined for one with a single value (nothing to model). */
function jointParam(definition: ParamDefinition): JointParam | undefined {
  const { name, distribution } = definition;
  switch (distribution.kind) {
    case 'fixed':
      return undefined;
    case 'categorical':
      return distribution.choices.length > 1 ? { kind: 'categorical', name, choices: distribution.choices } : undefined;
    case 'float':
    case 'int': {
      const domain = numericDomain(distribution);
      return domain.high > domain.low && distribution.high > distribution.low ? { kind: 'numeric', name, distribution, domain } : undefined;
    }
  }
}
