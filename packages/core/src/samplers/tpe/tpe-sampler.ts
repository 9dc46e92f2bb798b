import { createRandom, mixSeed } from '../../random.js';
import type { Params } from '../../search-space/distributions.js';
import { assignInOrder } from '../../search-space/search-space.js';
import { RandomSampler } from '../random.js';
import type { Sampler, SamplingContext } from '../sampler.js';
import { sampleJointGroups } from './sample-joint-groups.js';
import { sampleParam } from './sample-param.js';
import { countBelow, splitTrials } from './split-trials.js';
import { resolveTpeOptions, type ResolvedTpeOptions, type TpeSamplerOptions } from './tpe-options.js';

/**
 * Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011), with Optuna 3.x's defaults:
 * univariate, the constant liar on, pruned trials ranked into the good/bad split. With
 * `multivariate`, each group of params that always appear together is modelled jointly (Optuna's
 * multivariate TPE with group decomposition; see sample-joint-groups.ts), the rest one by one. Until
 * `nStartupTrials` trials are COMPLETE or PRUNED it proposes exactly what a RandomSampler with the
 * same seed would. Stateless: each ask rebuilds its estimators from the context (sorting the
 * history once, O(n log n)), so a study rebuilt from its records after a crash proposes the same.
 */
export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  readonly options: ResolvedTpeOptions;
  readonly #startup: RandomSampler;

  /** @throws {SpecError} listing each bad option by its spec path. */
  constructor(options: TpeSamplerOptions) {
    this.options = resolveTpeOptions(options);
    this.#startup = new RandomSampler({ seed: this.options.seed });
  }

  sample(context: SamplingContext): Params {
    const { seed, nStartupTrials, nEiCandidates, gamma, priorWeight, constantLiar, multivariate, group } = this.options;
    let finished = 0;
    for (const trial of context.trials) if (trial.state === 'COMPLETE' || trial.state === 'PRUNED') finished++;
    if (finished < nStartupTrials) return this.#startup.sample(context);

    const { below, above } = splitTrials(context.trials, context.direction, countBelow(finished, gamma), constantLiar);
    const random = createRandom(mixSeed(seed, context.number));
    const joint = multivariate
      ? sampleJointGroups(context.space, { trials: context.trials, below, above, group, nEiCandidates, priorWeight, random })
      : undefined;
    return assignInOrder(
      context.space,
      (definition) =>
        joint?.get(definition.name) ?? sampleParam(definition.distribution, { name: definition.name, below, above, nEiCandidates, priorWeight, random }),
    );
  }
}
