/** The `sampler:` block of a sweep spec, as validated (snake_case as users write it). */
export type SamplerConfig =
  /** Chooses gp or tpe from the space and the trial budget (chooseSampler); the default when a spec names no sampler. */
  | { readonly type: 'auto'; readonly seed: number }
  | { readonly type: 'random'; readonly seed: number }
  /** `shuffle`: visit the grid in a seeded random order instead of the spec's order. */
  | { readonly type: 'grid'; readonly seed: number; readonly shuffle?: boolean }
  | TpeSamplerConfig
  | {
      readonly type: 'gp';
      readonly seed: number;
      /** Random proposals until this many trials are COMPLETE. Default 10. */
      readonly n_startup_trials?: number;
      /** Uniform random points scored by the acquisition before local search. Default 512. */
      readonly n_candidates?: number;
    }
  | MultiObjectiveSamplerConfig
  | PbtSamplerConfig;

/** Population-based training: a random first population, then exploit and explore every `interval` epochs (see core's pbt/). */
export interface PbtSamplerConfig {
  readonly type: 'pbt';
  readonly seed: number;
  readonly population?: number;
  readonly interval?: number;
  readonly quantile?: number;
  readonly perturb?: readonly number[];
  readonly resample_probability?: number;
}

/** Multi-objective and constrained sweeps only (see isVectorSweep). */
export type MultiObjectiveSamplerConfig =
  | {
      readonly type: 'nsga2';
      readonly seed: number;
      /** Trials per generation. Default 50. */
      readonly population_size?: number;
      /** Default 0.9. */
      readonly crossover_probability?: number;
      /** Default 1 / (number of params). */
      readonly mutation_probability?: number;
      /** SBX distribution index. Default 20. */
      readonly crossover_eta?: number;
      /** Polynomial mutation distribution index. Default 20. */
      readonly mutation_eta?: number;
    }
  /** Multi-objective TPE: TPE's options but the multivariate ones (it models parameters one at a time). */
  | (Omit<TpeSamplerConfig, 'type' | 'multivariate' | 'group'> & { readonly type: 'motpe' });

/** `sampler: { type: tpe }`. */
export interface TpeSamplerConfig {
  readonly type: 'tpe';
  readonly seed: number;
  /** Random proposals before TPE takes over. Default 10. */
  readonly n_startup_trials?: number;
  /** Candidates drawn from l(x) per parameter (or group). Default 12, or 24 when multivariate. */
  readonly n_ei_candidates?: number;
  /** Fraction of trials counted as good, capped at 25 trials. Default: Optuna's min(⌈0.1·n⌉, 25). */
  readonly gamma?: number;
  /** Weight of the prior component in each Parzen estimator. Default 1. */
  readonly prior_weight?: number;
  /** Treat pending (QUEUED/RUNNING) trials as bad observations. Default true. */
  readonly constant_liar?: boolean;
  /** Model the params jointly (multivariate TPE). Default false. */
  readonly multivariate?: boolean;
  /** With multivariate: one joint model per group of params that always appear together. Default true. */
  readonly group?: boolean;
}

/** A sampler config that names one algorithm: what `auto` resolves to (chooseSampler). */
export type ConcreteSamplerConfig = Exclude<SamplerConfig, { readonly type: 'auto' }>;
