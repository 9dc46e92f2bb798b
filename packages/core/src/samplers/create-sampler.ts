import { GpSampler } from './gp/gp-sampler.js';
import { GridSampler } from './grid.js';
import { RandomSampler } from './random.js';
import { chooseSampler, type SamplerChoiceContext } from './choose-sampler.js';
import type { SamplerConfig } from './sampler-config.js';
import type { Sampler } from './sampler.js';
import { TpeSampler } from './tpe/tpe-sampler.js';

/**
 * The sampler a spec's `sampler:` block describes (snake_case options mapped to the classes'
 * camelCase ones; an option left out takes the class's default). `auto` is resolved by
 * chooseSampler from `context`, the space and trial budget it will search.
 * @throws {SpecError} (code 'SPEC') listing each bad option by its spec path.
 * @throws {TypeError} for `auto` without a context: nothing to choose from.
 */
export function createSampler(config: SamplerConfig, context?: SamplerChoiceContext): Sampler {
  switch (config.type) {
    case 'auto':
      if (!context) throw new TypeError("createSampler: 'auto' needs the space and the trial budget to choose a sampler from");
      return createSampler(chooseSampler(config, context).config);
    case 'random':
      return new RandomSampler({ seed: config.seed });
    case 'grid':
      return new GridSampler({ seed: config.seed, shuffle: config.shuffle });
    case 'tpe':
      return new TpeSampler({
        seed: config.seed,
        nStartupTrials: config.n_startup_trials,
        nEiCandidates: config.n_ei_candidates,
        gamma: config.gamma,
        priorWeight: config.prior_weight,
        constantLiar: config.constant_liar,
        multivariate: config.multivariate,
        group: config.group,
      });
    case 'gp':
      return new GpSampler({ seed: config.seed, nStartupTrials: config.n_startup_trials, nCandidates: config.n_candidates });
  }
}
