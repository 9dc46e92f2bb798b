import type { FrozenTrial } from '../trial/frozen-trial.js';
import type { Pruner, PruningContext } from './pruner.js';

/**
 * Never prunes, not even a NaN report: a diverged objective is ended by its own divergence
 * handling (FAILED, with a reason), which says more than PRUNED would.
 */
export class NonePruner implements Pruner {
  readonly name = 'none';

  prune(_context: PruningContext, _trial: FrozenTrial): boolean {
    return false;
  }
}
