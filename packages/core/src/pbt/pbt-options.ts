import type { SpecProblem } from '../errors/spec-error.js';
import { integerAtLeast, seedProblems, throwIfAny } from '../samplers/check-options.js';

/** Population-based training's settings (`sampler: { type: pbt, … }`), camelCase. */
export interface PbtOptions {
  readonly seed: number;
  /** Members training at once; each trains budget.max_epochs epochs in all (its own, then its successors'). Default 8. */
  readonly population?: number;
  /** Every this many epochs a member in the bottom quantile is replaced. Default 2. */
  readonly interval?: number;
  /** The share of members that counts as bottom (replaced) and as top (copied). Default 0.25. */
  readonly quantile?: number;
  /** A perturbed number is multiplied by one of these factors, chosen at random. Default [0.8, 1.2]. */
  readonly perturb?: readonly number[];
  /** Chance that a param is drawn afresh from its distribution instead of perturbed. Default 0.25. */
  readonly resampleProbability?: number;
}

export type ResolvedPbtOptions = Required<PbtOptions>;

export const PBT_DEFAULTS = { population: 8, interval: 2, quantile: 0.25, perturb: [0.8, 1.2], resampleProbability: 0.25 } as const;

/**
 * Fills in the defaults and checks every option at once.
 * @throws {SpecError} listing each bad option by its spec path (`sampler.quantile`).
 */
export function resolvePbtOptions(options: PbtOptions): ResolvedPbtOptions {
  const resolved: ResolvedPbtOptions = {
    seed: options.seed,
    population: options.population ?? PBT_DEFAULTS.population,
    interval: options.interval ?? PBT_DEFAULTS.interval,
    quantile: options.quantile ?? PBT_DEFAULTS.quantile,
    perturb: options.perturb ?? PBT_DEFAULTS.perturb,
    resampleProbability: options.resampleProbability ?? PBT_DEFAULTS.resampleProbability,
  };
  const problems: SpecProblem[] = [
    ...seedProblems(resolved.seed),
    ...integerAtLeast('sampler.population', resolved.population, 2),
    ...integerAtLeast('sampler.interval', resolved.interval, 1),
  ];
  if (!(resolved.quantile > 0 && resolved.quantile <= 0.5)) {
    problems.push({ path: 'sampler.quantile', message: `must be in (0, 0.5] (got ${resolved.quantile})`, hint: 'e.g. quantile: 0.25' });
  } else if (Math.floor(resolved.quantile * resolved.population) < 1) {
    problems.push({
      path: 'sampler.quantile',
      message: `${resolved.quantile} of a population of ${resolved.population} is less than one member: nobody would ever be replaced`,
      hint: `raise quantile to at least ${(1 / resolved.population).toFixed(2)}, or the population`,
    });
  }
  if (resolved.perturb.length === 0 || resolved.perturb.some((factor) => !(Number.isFinite(factor) && factor > 0))) {
    problems.push({
      path: 'sampler.perturb',
      message: `must be a non-empty list of positive factors (got ${JSON.stringify(resolved.perturb)})`,
      hint: 'e.g. perturb: [0.8, 1.2]',
    });
  }
  if (!(resolved.resampleProbability >= 0 && resolved.resampleProbability <= 1)) {
    problems.push({ path: 'sampler.resample_probability', message: `must be a probability in [0, 1] (got ${resolved.resampleProbability})` });
  }
  throwIfAny(problems);
  return resolved;
}
