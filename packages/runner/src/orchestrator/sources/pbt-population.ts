/** Population-based training's first members: `population` random trials from the sampler. */
import { SEARCH_STAGE, mixSeed, pbtOptions, resolvePbtOptions, type FrozenTrial, type SweepSpec } from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

export class PbtPopulation implements TrialSource {
  readonly name = 'pbt population';
  readonly #population: number;

  constructor(spec: SweepSpec) {
    if (spec.sampler.type !== 'pbt') throw new TypeError('PbtPopulation: the spec does not use pbt');
    this.#population = resolvePbtOptions(pbtOptions(spec.sampler)).population;
  }

  next(context: SourceContext): FrozenTrial | undefined {
    if (this.done(context)) return undefined;
    const { study, spec, transitions } = context;
    return transitions.created(study.ask({ seed: mixSeed(spec.sampler.seed, study.trials.length) }));
  }

  done({ study }: SourceContext): boolean {
    return study.trials.filter((trial) => (trial.stage ?? SEARCH_STAGE) === SEARCH_STAGE).length >= this.#population;
  }
}
