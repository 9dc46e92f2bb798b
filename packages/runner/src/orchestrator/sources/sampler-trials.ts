/**
 * New points from the sweep's sampler (the *search* stage), up to `budget.trials` search trials or
 * until a grid is exhausted.
 */
import { SEARCH_STAGE, mixSeed, type FrozenTrial } from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

export class SamplerTrials implements TrialSource {
  readonly name = 'sampler';
  // Counted once, then kept: the ask stage asks on every launch, and a scan would cost O(trials).
  #searchTrials: number;

  constructor(trials: readonly FrozenTrial[]) {
    this.#searchTrials = trials.filter((t) => (t.stage ?? SEARCH_STAGE) === SEARCH_STAGE).length;
  }

  next(context: SourceContext): FrozenTrial | undefined {
    if (this.done(context)) return undefined;
    const { study, spec, transitions } = context;
    this.#searchTrials += 1;
    // The seed a trial has always had (mixSeed of the sweep seed and its number), now stored with it.
    return transitions.created(study.ask({ seed: mixSeed(spec.sampler.seed, study.trials.length) }));
  }

  done({ study, spec }: SourceContext): boolean {
    const budget = spec.budget.trials;
    if (budget !== undefined && this.#searchTrials >= budget) return true;
    return study.isExhausted();
  }
}
