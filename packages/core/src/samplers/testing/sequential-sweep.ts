import { quantileSorted } from '../../analysis/quantile.js';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { Sampler } from '../sampler.js';

/** The best value of a sequential minimizing sweep: ask, evaluate, record COMPLETE, `trials` times. */
export function bestOfSweep(sampler: Sampler, space: SearchSpace, objective: (params: Params) => number, trials: number): number {
  const history: FrozenTrial[] = [];
  let best = Infinity;
  for (let number = 0; number < trials; number++) {
    const params = sampler.sample({ space, trials: history, number, direction: 'minimize' });
    const value = objective(params);
    best = Math.min(best, value);
    history.push({ number, state: 'COMPLETE', params, value, intermediate: new Map(), attempt: 1 });
  }
  return best;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The median, over seeds 1..`seeds`, of the best value a sampler built for each seed reaches in `trials` trials: a quality test's figure. */
export function medianBest(
  make: (seed: number) => Sampler,
  space: SearchSpace,
  objective: (params: Params) => number,
  { seeds, trials }: { readonly seeds: number; readonly trials: number },
): number {
  return median(Array.from({ length: seeds }, (_, i) => bestOfSweep(make(i + 1), space, objective, trials)));
}
