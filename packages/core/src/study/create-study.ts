import { createPruner } from '../pruners/create-pruner.js';
import { createSampler, pbtOptions } from '../samplers/create-sampler.js';
import { EXPLOIT_STAGE } from '../pbt/exploit.js';
import { resolvePbtOptions } from '../pbt/pbt-options.js';
import { PbtPruner } from '../pbt/pbt-pruner.js';
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
  const pbt = spec.sampler.type === 'pbt' ? resolvePbtOptions(pbtOptions(spec.sampler)) : undefined;
  return new Study({
    space: spec.space,
    direction: spec.metric.goal,
    metric: spec.metric.name,
    sampler: createSampler(specSamplerChoice(spec).config, undefined, vector ? vectorHistory(vector) : undefined),
    ...(vector ? { vector } : {}),
    pruner: pbt
      ? new PbtPruner({ interval: pbt.interval, quantile: pbt.quantile, maxEpochs: spec.budget.max_epochs ?? Infinity })
      : createPruner(spec.pruner, spec.budget.max_epochs === undefined ? {} : { maxEpochs: spec.budget.max_epochs }),
    trials,
    ...(spec.compare ? { pruneAmong: sameValueSearchTrials(spec.compare.by) } : {}),
    ...(pbt ? { pruneAmong: populationMembers } : {}),
  });
}

/** In population-based training the first members and their exploit successors compete; a re-run of a schedule is never stopped. */
function populationMembers(trial: FrozenTrial, trials: readonly FrozenTrial[]): readonly FrozenTrial[] | undefined {
  const member = (t: FrozenTrial) => (t.stage ?? SEARCH_STAGE) === SEARCH_STAGE || t.stage === EXPLOIT_STAGE;
  return member(trial) ? trials.filter(member) : undefined;
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
