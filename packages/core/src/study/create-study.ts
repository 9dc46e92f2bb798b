import { createPruner } from '../pruners/create-pruner.js';
import { createSampler } from '../samplers/create-sampler.js';
import type { SweepSpec } from '../spec/sweep-spec.js';
import type { FrozenTrial } from '../trial/frozen-trial.js';
import { Study } from './study.js';

/**
 * The Study a validated spec describes: its space, metric and direction, sampler and pruner.
 * Pass the stored records to continue a sweep (resume).
 * @throws {SweepError} code 'STORE' for inconsistent records, 'SPEC' for a pruner the spec's
 *   budget cannot configure.
 */
export function createStudy(spec: SweepSpec, trials: readonly FrozenTrial[] = []): Study {
  return new Study({
    space: spec.space,
    direction: spec.metric.goal,
    metric: spec.metric.name,
    sampler: createSampler(spec.sampler),
    pruner: createPruner(spec.pruner, spec.budget.max_epochs === undefined ? {} : { maxEpochs: spec.budget.max_epochs }),
    trials,
  });
}
