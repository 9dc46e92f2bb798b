import { createRandom, mixSeed, type RandomSource } from '../random.js';
import type { Distribution, ParamValue, Params } from '../search-space/distributions.js';
import { assignInOrder } from '../search-space/search-space.js';
import { seedProblems, throwIfAny } from './check-options.js';
import type { Sampler, SamplingContext } from './sampler.js';
import { gridSize, gridValue, logGridEdges, snapToGrid } from './step-grid.js';

export interface RandomSamplerOptions {
  readonly seed: number;
}

/**
 * Independent draws, each uniform in its parameter's declared measure. Ignores the history, so
 * parallel asks differ only through their trial numbers (each has its own seed stream).
 */
export class RandomSampler implements Sampler {
  readonly name = 'random';
  readonly seed: number;

  /** @throws {SpecError} when the seed is not an integer. */
  constructor(options: RandomSamplerOptions) {
    throwIfAny(seedProblems(options.seed));
    this.seed = options.seed;
  }

  sample(context: SamplingContext): Params {
    const random = createRandom(mixSeed(this.seed, context.number));
    return assignInOrder(context.space, (definition) => sampleUniform(definition.distribution, random));
  }
}

/**
 * One draw from `distribution`'s own measure:
 * - float: uniform on [low, high], or log-uniform (exp of a uniform log) when `log`;
 * - stepped float or int: uniform over the grid points low + k·step;
 * - log int: log-uniform between the cell edges [low − step/2, high + step/2], then rounded to the
 *   grid and clamped, so each value's chance is the log-width of its cell (16 is likelier than 17,
 *   as log-uniform means); drawing on [low, high] instead would give the two end points only half
 *   a cell each;
 * - categorical: uniform over the choices; fixed: its value (no randomness used).
 */
export function sampleUniform(distribution: Distribution, random: RandomSource): ParamValue {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'categorical':
      return distribution.choices[Math.floor(random() * distribution.choices.length)] as ParamValue;
    case 'int':
    case 'float': {
      const { low, high, step } = distribution;
      if (step !== undefined && distribution.kind === 'int' && distribution.log) {
        const [lowEdge, highEdge] = logGridEdges(distribution, step);
        return snapToGrid(distribution, step, logUniform(lowEdge, highEdge, random()));
      }
      if (step !== undefined) return gridValue(distribution, step, Math.floor(random() * gridSize(distribution, step)));
      const value = distribution.log ? logUniform(low, high, random()) : low + random() * (high - low);
      // exp(log x) and low + u·(high − low) can land one ulp outside the range.
      return Math.min(Math.max(value, low), high);
    }
  }
}

function logUniform(low: number, high: number, u: number): number {
  const logLow = Math.log(low);
  return Math.exp(logLow + u * (Math.log(high) - logLow));
}
