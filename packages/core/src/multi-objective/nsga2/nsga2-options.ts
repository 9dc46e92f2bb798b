import type { SpecProblem } from '../../errors/spec-error.js';
import { integerAtLeast, seedProblems, throwIfAny } from '../../samplers/check-options.js';

/** How the parent population is formed: see Nsga2Sampler. */
export type Nsga2Replacement = 'steady-state' | 'generational';
const REPLACEMENTS: readonly Nsga2Replacement[] = ['steady-state', 'generational'];

export interface Nsga2SamplerOptions {
  readonly seed: number;
  /** 'steady-state' (default): parents from the best of all finished trials; 'generational': Deb's generations, as Optuna. */
  readonly replacement?: Nsga2Replacement;
  /** Trials per generation; the first generation is random. Default 50 (Optuna's). */
  readonly populationSize?: number;
  /** Chance that a child is a crossover of its two parents rather than a copy of the first. Default 0.9 (Optuna's). */
  readonly crossoverProbability?: number;
  /** Chance that each param of a child is mutated. Default 1 / (number of params), at least 1 param's worth. */
  readonly mutationProbability?: number;
  /** SBX distribution index: larger keeps children closer to their parents. Default 20 (Optuna's for several objectives). */
  readonly crossoverEta?: number;
  /** Polynomial mutation's distribution index: larger means smaller steps. Default 20 (Deb's). */
  readonly mutationEta?: number;
}

export interface ResolvedNsga2Options {
  readonly seed: number;
  readonly replacement: Nsga2Replacement;
  readonly populationSize: number;
  readonly crossoverProbability: number;
  /** undefined: 1 / (number of params) at each ask. */
  readonly mutationProbability: number | undefined;
  readonly crossoverEta: number;
  readonly mutationEta: number;
}

/**
 * Fills in the defaults and checks every option at once.
 * @throws {SpecError} listing each bad option by its spec path (`sampler.population_size`).
 */
export function resolveNsga2Options(options: Nsga2SamplerOptions): ResolvedNsga2Options {
  const resolved: ResolvedNsga2Options = {
    seed: options.seed,
    replacement: options.replacement ?? 'steady-state',
    populationSize: options.populationSize ?? 50,
    crossoverProbability: options.crossoverProbability ?? 0.9,
    mutationProbability: options.mutationProbability,
    crossoverEta: options.crossoverEta ?? 20,
    mutationEta: options.mutationEta ?? 20,
  };
  throwIfAny([
    ...seedProblems(resolved.seed),
    ...(REPLACEMENTS.includes(resolved.replacement)
      ? []
      : [{ path: 'sampler.replacement', message: `must be one of ${REPLACEMENTS.join(', ')} (got ${String(resolved.replacement)})` }]),
    ...integerAtLeast('sampler.population_size', resolved.populationSize, 2),
    ...probability('sampler.crossover_probability', resolved.crossoverProbability),
    ...(resolved.mutationProbability === undefined ? [] : probability('sampler.mutation_probability', resolved.mutationProbability)),
    ...nonNegative('sampler.crossover_eta', resolved.crossoverEta),
    ...nonNegative('sampler.mutation_eta', resolved.mutationEta),
  ]);
  return resolved;
}

function probability(path: string, value: number): SpecProblem[] {
  return value >= 0 && value <= 1 ? [] : [{ path, message: `must be a probability in [0, 1] (got ${value})` }];
}

function nonNegative(path: string, value: number): SpecProblem[] {
  return Number.isFinite(value) && value >= 0 ? [] : [{ path, message: `must be a number >= 0 (got ${value})` }];
}
