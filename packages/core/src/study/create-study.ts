import { createPruner } from '../pruners/create-pruner.js';
import { createSampler } from '../samplers/create-sampler.js';
import type { SweepSpec } from '../spec/sweep-spec.js';
import { SEARCH_STAGE, type FrozenTrial } from '../trial/frozen-trial.js';
import { specSamplerChoice } from './spec-sampler.js';
import { specVectorObjectives, vectorHistory } from './vector-objectives.js';
import { Study, type StudyOptions } from './study.js';

/**
 * The Study a validated spec describes: its space, metric and direction, sampler and pruner.
 * Pass the stored records to continue a sweep (resume).
 * @throws {SweepError} code 'STORE' for inconsistent records, 'SPEC' for a pruner the spec's
 *   budget cannot configure.
 */
export function createStudy(spec: SweepSpec, trials: readonly FrozenTrial[] = []): Study {
  const vector = specVectorObjectives(spec);
  return new Study({
    space: spec.space,
    direction: spec.metric.goal,
    metric: spec.metric.name,
    sampler: createSampler(specSamplerChoice(spec).config, undefined, vector ? vectorHistory(vector) : undefined),
    ...(vector ? { vector } : {}),
    pruner: createPruner(spec.pruner, spec.budget.max_epochs === undefined ? {} : { maxEpochs: spec.budget.max_epochs }),
    trials,
    ...(spec.compare ? { pruneAmong: sameValueSearchTrials(spec.compare.by) } : {}),
  });
}

/**
 * A comparison's sub-studies each have their own history: a search trial competes only with the
 * search trials of its own value of `by` (pruning across values would spend one value's budget on
 * another's luck), and confirmations are never pruned.
 */
function sameValueSearchTrials(by: string): NonNullable<StudyOptions['pruneAmong']> {
  return (trial, trials) => {
    if ((trial.stage ?? SEARCH_STAGE) !== SEARCH_STAGE) return undefined;
    const value = trial.params[by];
    return trials.filter((other) => (other.stage ?? SEARCH_STAGE) === SEARCH_STAGE && other.params[by] === value);
  };
}
