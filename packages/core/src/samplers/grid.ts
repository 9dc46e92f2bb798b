import { SweepError } from '../errors/sweep-error.js';
import { createRandom, mixSeed, shuffled } from '../random.js';
import type { Params } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';
import { seedProblems, throwIfAny } from './check-options.js';
import { gridPoints, pointKey } from './grid-points.js';
import type { Sampler, SamplingContext } from './sampler.js';

export interface GridSamplerOptions {
  readonly seed: number;
  /** Visit the points in a seeded random order instead of spec order. Default false. */
  readonly shuffle?: boolean;
}

interface Grid {
  readonly points: readonly Params[];
  readonly keys: readonly string[];
}

/**
 * Every combination of the params' values, each once. Trial `number` gets the first point, in a
 * fixed order, that no earlier trial holds, in any state: a pending trial holds its point so a
 * parallel ask gets another, and a failed one keeps it (retrying it is the runner's policy, not a
 * new proposal).
 */
export class GridSampler implements Sampler {
  readonly name = 'grid';
  readonly seed: number;
  readonly shuffle: boolean;
  // A memo of a pure function of the space, not sampler state: the Study passes the same space
  // object to every ask, and enumerating a large grid per ask would cost O(points) each time.
  readonly #grids = new WeakMap<SearchSpace, Grid>();

  /** @throws {SpecError} when the seed is not an integer. */
  constructor(options: GridSamplerOptions) {
    throwIfAny(seedProblems(options.seed));
    this.seed = options.seed;
    this.shuffle = options.shuffle ?? false;
  }

  /** @throws {SweepError} code 'SAMPLER' when a param is not enumerable. */
  isExhausted(context: SamplingContext): boolean {
    return this.#next(context) === undefined;
  }

  /** @throws {SweepError} code 'SAMPLER' when every point is taken, or a param is not enumerable. */
  sample(context: SamplingContext): Params {
    const next = this.#next(context);
    if (next === undefined) {
      throw new SweepError('SAMPLER', `grid exhausted after ${this.#grid(context.space).points.length} points`);
    }
    return { ...next };
  }

  #next(context: SamplingContext): Params | undefined {
    const grid = this.#grid(context.space);
    const taken = new Set(context.trials.map((trial) => pointKey(trial.params)));
    const index = grid.keys.findIndex((key) => !taken.has(key));
    return index < 0 ? undefined : grid.points[index];
  }

  #grid(space: SearchSpace): Grid {
    let grid = this.#grids.get(space);
    if (!grid) {
      const inOrder = gridPoints(space);
      // The order depends on the seed only, never on the trial number: it is fixed for the sweep.
      const points = this.shuffle ? shuffled(inOrder, createRandom(mixSeed(this.seed))) : inOrder;
      grid = { points, keys: points.map(pointKey) };
      this.#grids.set(space, grid);
    }
    return grid;
  }
}
