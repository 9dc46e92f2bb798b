import { SpecError } from '../errors/spec-error.js';
import { AshaPruner } from './asha.js';
import { HyperbandPruner } from './hyperband.js';
import { MedianPruner } from './median.js';
import { NonePruner } from './none.js';
import type { PrunerConfig } from './pruner-config.js';
import type { Pruner } from './pruner.js';

/**
 * The pruner a spec's `pruner:` block describes. `budget.maxEpochs` is the sweep's
 * `budget.max_epochs`: Hyperband's R when the block omits `max_epochs`, and for ASHA the step from
 * which a trial has had its full budget and is no longer judged.
 * @throws {SpecError} (code 'SPEC') for a bad option, or a hyperband with no max_epochs anywhere.
 */
export function createPruner(config: PrunerConfig, budget: { readonly maxEpochs?: number }): Pruner {
  switch (config.type) {
    case 'none':
      return new NonePruner();
    case 'median':
      return new MedianPruner({ warmupSteps: config.warmup_steps, minTrials: config.min_trials });
    case 'asha':
      return new AshaPruner({
        minEpochs: config.min_epochs,
        reductionFactor: config.reduction_factor,
        minEarlyStoppingRate: config.min_early_stopping_rate,
        maxEpochs: budget.maxEpochs,
      });
    case 'hyperband': {
      const maxEpochs = config.max_epochs ?? budget.maxEpochs;
      if (maxEpochs === undefined) throw new SpecError([{ path: 'pruner.max_epochs', message: 'hyperband needs max_epochs (or budget.max_epochs)' }]);
      return new HyperbandPruner({ minEpochs: config.min_epochs, reductionFactor: config.reduction_factor, maxEpochs });
    }
  }
}
