import type { Params } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';

/** Everything a sampler may look at to propose trial `number`. */
export interface SamplingContext {
  readonly space: SearchSpace;
  /**
   * Every trial asked before this one, in number order, in any state. QUEUED and RUNNING ones are
   * pending: a parallel-aware sampler avoids proposing near them.
   */
  readonly trials: readonly FrozenTrial[];
  /** The number the new trial will get. */
  readonly number: number;
  readonly direction: Direction;
}

/**
 * Proposes parameters. Implementations are stateless between calls: every proposal is a pure
 * function of (construction options incl. seed, context), so a study rebuilt from its records
 * after a crash proposes exactly what it would have (DESIGN.md: the store is the truth). Randomness
 * comes from createRandom(mixSeed(seed, number)).
 */
export interface Sampler {
  readonly name: string;
  /**
   * @returns a value for every param active under the returned params' own conditions, each legal
   *   for its distribution.
   * @throws {SweepError} code 'SAMPLER' when nothing is left to propose (see isExhausted).
   */
  sample(context: SamplingContext): Params;
  /** Whether the sampler has nothing left to propose (grid). Default: never. */
  isExhausted?(context: SamplingContext): boolean;
}
