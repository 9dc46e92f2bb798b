import { integerAtLeast, seedProblems, throwIfAny } from '../check-options.js';

export interface GpSamplerOptions {
  readonly seed: number;
  /** Random proposals until this many trials are COMPLETE (with a finite value). Default 10. */
  readonly nStartupTrials?: number;
  /** Uniform random points scored by the acquisition before local search. Default 512. */
  readonly nCandidates?: number;
}

/** The options with every default filled in. */
export interface ResolvedGpOptions {
  readonly seed: number;
  readonly nStartupTrials: number;
  readonly nCandidates: number;
}

/**
 * Fills in the defaults and checks every option at once.
 * @throws {SpecError} listing each bad option by its spec path (`sampler.n_candidates`).
 */
export function resolveGpOptions(options: GpSamplerOptions): ResolvedGpOptions {
  const resolved: ResolvedGpOptions = {
    seed: options.seed,
    nStartupTrials: options.nStartupTrials ?? 10,
    nCandidates: options.nCandidates ?? 512,
  };
  throwIfAny([
    ...seedProblems(resolved.seed),
    ...integerAtLeast('sampler.n_startup_trials', resolved.nStartupTrials, 0),
    ...integerAtLeast('sampler.n_candidates', resolved.nCandidates, 1),
  ]);
  return resolved;
}
