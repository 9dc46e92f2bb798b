import { GpSampler } from './gp/gp-sampler.js';
import { GridSampler } from './grid.js';
import { RandomSampler } from './random.js';
import { chooseSampler, type SamplerChoiceContext } from './choose-sampler.js';
import type { SamplerConfig } from './sampler-config.js';
import type { Sampler } from './sampler.js';
import type { TpeSamplerOptions } from './tpe/tpe-options.js';
import { resolvePbtOptions, type PbtOptions } from '../pbt/pbt-options.js';
import { TpeSampler } from './tpe/tpe-sampler.js';
import type { MultiObjectiveHistory } from '../multi-objective/mo-history.js';
import { MotpeSampler } from '../multi-objective/motpe/motpe-sampler.js';
import { Nsga2Sampler } from '../multi-objective/nsga2/nsga2-sampler.js';

/**
 * The sampler a spec's `sampler:` block describes (snake_case options mapped to the classes'
 * camelCase ones; an option left out takes the class's default). `auto` is resolved by
 * chooseSampler from `context`, the space and trial budget it will search. `nsga2` and `motpe`
 * read each trial's objective vector (and constraint violations) through `history`.
 * @throws {SpecError} (code 'SPEC') listing each bad option by its spec path.
 * @throws {TypeError} for `auto` without a context, or `nsga2` / `motpe` without a history.
 */
export function createSampler(config: SamplerConfig, context?: SamplerChoiceContext, history?: MultiObjectiveHistory): Sampler {
  switch (config.type) {
    case 'auto':
      if (!context) throw new TypeError("createSampler: 'auto' needs the space and the trial budget to choose a sampler from");
      return createSampler(chooseSampler(config, context).config, undefined, history);
    case 'random':
      return new RandomSampler({ seed: config.seed });
    case 'grid':
      return new GridSampler({ seed: config.seed, shuffle: config.shuffle });
    case 'tpe':
      return new TpeSampler({ ...tpeOptions(config), multivariate: config.multivariate, group: config.group });
    case 'gp':
      return new GpSampler({ seed: config.seed, nStartupTrials: config.n_startup_trials, nCandidates: config.n_candidates });
    case 'nsga2':
      return new Nsga2Sampler(historyFor(config.type, history), {
        seed: config.seed,
        populationSize: config.population_size,
        crossoverProbability: config.crossover_probability,
        mutationProbability: config.mutation_probability,
        crossoverEta: config.crossover_eta,
        mutationEta: config.mutation_eta,
      });
    case 'pbt':
      // The first population is drawn at random; later members come from exploit and explore (the runner's PBT source).
      resolvePbtOptions(pbtOptions(config));
      return new RandomSampler({ seed: config.seed });
    case 'motpe':
      return new MotpeSampler(historyFor(config.type, history), tpeOptions(config));
  }
}

function historyFor(type: string, history: MultiObjectiveHistory | undefined): MultiObjectiveHistory {
  if (!history) throw new TypeError(`createSampler: '${type}' needs the study's objectives (a MultiObjectiveHistory) to read trials by`);
  return history;
}

/** PBT's options from their snake_case spec keys. */
export function pbtOptions(config: Extract<SamplerConfig, { type: 'pbt' }>): PbtOptions {
  return {
    seed: config.seed,
    ...(config.population !== undefined ? { population: config.population } : {}),
    ...(config.interval !== undefined ? { interval: config.interval } : {}),
    ...(config.quantile !== undefined ? { quantile: config.quantile } : {}),
    ...(config.perturb !== undefined ? { perturb: config.perturb } : {}),
    ...(config.resample_probability !== undefined ? { resampleProbability: config.resample_probability } : {}),
  };
}

/** The options TPE and MOTPE share, from their snake_case spec keys. */
function tpeOptions(config: Extract<SamplerConfig, { type: 'tpe' | 'motpe' }>): TpeSamplerOptions {
  return {
    seed: config.seed,
    nStartupTrials: config.n_startup_trials,
    nEiCandidates: config.n_ei_candidates,
    gamma: config.gamma,
    priorWeight: config.prior_weight,
    constantLiar: config.constant_liar,
  };
}
