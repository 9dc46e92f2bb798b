import { integerAtLeast, positiveAtMost, seedProblems, throwIfAny } from '../check-options.js';

export interface TpeSamplerOptions {
  readonly seed: number;
  /** Random proposals until this many trials are COMPLETE or PRUNED. Default 10. */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) per param; the best l/g ratio wins. Default 24. */
  readonly nEiCandidates?: number;
  /** Fraction of the finished trials counted as good, capped at 25. Default: 0.1 (Optuna's). */
  readonly gamma?: number;
  /** Weight of the prior kernel in each estimator. Default 1. */
  readonly priorWeight?: number;
  /** Count QUEUED/RUNNING trials as bad observations so parallel asks spread out. Default true. */
  readonly constantLiar?: boolean;
  /** Model params jointly (multivariate TPE), so correlations between them are learnt. Default false. */
  readonly multivariate?: boolean;
  /**
   * With multivariate: model each group of params that always appear together on its own (Optuna's
   * group decomposition of a conditional space). Default true when multivariate; without it, only
   * the params every trial has are modelled jointly and the rest one by one.
   */
  readonly group?: boolean;
}

/** The options with every default filled in. */
export interface ResolvedTpeOptions {
  readonly seed: number;
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly gamma: number;
  readonly priorWeight: number;
  readonly constantLiar: boolean;
  readonly multivariate: boolean;
  /** Always false when not multivariate. */
  readonly group: boolean;
}

/**
 * Fills in the defaults and checks every option at once.
 * @throws {SpecError} listing each bad option by its spec path (`sampler.n_ei_candidates`).
 */
export function resolveTpeOptions(options: TpeSamplerOptions): ResolvedTpeOptions {
  const resolved: ResolvedTpeOptions = {
    seed: options.seed,
    nStartupTrials: options.nStartupTrials ?? 10,
    nEiCandidates: options.nEiCandidates ?? 24,
    gamma: options.gamma ?? 0.1,
    priorWeight: options.priorWeight ?? 1,
    constantLiar: options.constantLiar ?? true,
    multivariate: options.multivariate ?? false,
    group: (options.multivariate ?? false) && (options.group ?? true),
  };
  throwIfAny([
    ...seedProblems(resolved.seed),
    ...integerAtLeast('sampler.n_startup_trials', resolved.nStartupTrials, 0),
    ...integerAtLeast('sampler.n_ei_candidates', resolved.nEiCandidates, 1),
    ...positiveAtMost('sampler.gamma', resolved.gamma, 1),
    ...positiveAtMost('sampler.prior_weight', resolved.priorWeight),
    ...(options.group === true && options.multivariate !== true
      ? [{ path: 'sampler.group', message: 'needs multivariate: true', hint: 'add multivariate: true, or remove group' }]
      : []),
  ]);
  return resolved;
}
