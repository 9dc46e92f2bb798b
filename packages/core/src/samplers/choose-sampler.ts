import type { SearchSpace } from '../search-space/search-space.js';
import type { ConcreteSamplerConfig, SamplerConfig } from './sampler-config.js';

/** What `sampler: { type: auto }` looks at: the space and how many trials the sampler will be asked for. */
export interface SamplerChoiceContext {
  readonly space: SearchSpace;
  /** The budget in trials (`budget.trials`, or `compare.trials_per_value` for a comparison's sub-study); undefined when only a timeout bounds it. */
  readonly trials: number | undefined;
  /** Whether a pruner stops trials early (`pruner.type` other than none). Default false. */
  readonly pruning?: boolean;
}

/** The sampler a config stands for, and, for `auto`, why it was chosen (for `sweep validate` and the run's first line). */
export interface SamplerChoice {
  readonly config: ConcreteSamplerConfig;
  /** Empty unless the config was `auto`. */
  readonly reason: string;
}

/**
 * The GP's ask costs O(n³) in the trials seen; at 200 it is still within 50 ms on a 2-core
 * machine (tools/bench/gp-ask.mjs), past that multivariate TPE is the cheaper choice.
 */
export const GP_MAX_TRIALS = 200;
/** A GP with one length scale per dimension needs several trials per dimension before it models anything. */
export const GP_MAX_PARAMS = 12;

/**
 * Resolves `auto` to a concrete sampler: a Gaussian process for small budgets over small, mostly
 * numeric spaces, conditional ones included (where it finds better optima in fewer trials, README
 * "Search quality"); TPE otherwise (many categorical parameters, large or open-ended budgets, and
 * pruned sweeps: TPE ranks pruned trials by how far they got, a GP learns from complete ones only). Any other config is returned as it is. The
 * choice depends only on the spec, so a resumed sweep chooses the same.
 */
export function chooseSampler(config: SamplerConfig, context: SamplerChoiceContext): SamplerChoice {
  if (config.type !== 'auto') return { config, reason: '' };
  const searched = context.space.params.filter((p) => p.distribution.kind !== 'fixed');
  const conditional = searched.filter((p) => p.when !== undefined).length;
  const categorical = searched.filter((p) => p.distribution.kind === 'categorical').length;
  // Univariate TPE, not multivariate: on the quality benchmark multivariate TPE found worse optima
  // than univariate at 100 and at 300 trials, in loopsweep and in Optuna alike (README "Search quality").
  const tpe = (why: string): SamplerChoice => ({ config: { type: 'tpe', seed: config.seed }, reason: `TPE: ${why}` });

  if (context.pruning === true) return tpe('a pruner stops trials early (TPE learns from pruned trials, a GP from complete ones only)');
  if (context.trials === undefined) return tpe(`no trial budget (a GP's ask grows as n³; it is chosen for budgets up to ${GP_MAX_TRIALS} trials)`);
  if (context.trials > GP_MAX_TRIALS) return tpe(`a budget of ${context.trials} trials (a GP is chosen up to ${GP_MAX_TRIALS})`);
  if (searched.length > GP_MAX_PARAMS) return tpe(`${searched.length} parameters (a GP is chosen up to ${GP_MAX_PARAMS})`);
  if (categorical * 2 > searched.length)
    return tpe(`${categorical} of ${searched.length} parameters are categorical (a GP is chosen for mostly numeric spaces)`);
  return {
    config: { type: 'gp', seed: config.seed },
    reason: `Gaussian process: ${searched.length} parameter${searched.length === 1 ? '' : 's'}, ${categorical} categorical, ${conditional === 0 ? 'no' : conditional} conditional, ${context.trials} trials (≤ ${GP_MAX_TRIALS})`,
  };
}
