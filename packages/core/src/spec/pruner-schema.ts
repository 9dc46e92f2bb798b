import { z } from 'zod';

// Bounds mirror the pruners' own checks (pruners/asha.ts, median.ts) so a spec that validates
// always builds its pruner.
const minEpochs = z.int().min(1).optional().meta({ description: 'r: the first epoch at which trials are compared. Default 1.' });
const reductionFactor = z.int().min(2).optional().meta({ description: 'η: about 1 in η trials goes on at each rung. Default 3.' });

/** `pruner:`: when to stop unpromising trials early. Output: PrunerConfig. */
export const prunerSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('none').meta({ description: 'Never stop a trial early.' }) }),
    z.strictObject({
      type: z.literal('median').meta({ description: "Stop a trial whose value is worse than the median of the other trials' at the same epoch." }),
      warmup_steps: z.int().min(0).optional().meta({ description: 'Epochs 1..warmup_steps are never pruned. Default 0.' }),
      min_trials: z.int().min(0).optional().meta({ description: 'No pruning until this many trials have finished. Default 5.' }),
    }),
    z.strictObject({
      type: z.literal('asha').meta({ description: 'Asynchronous successive halving.' }),
      min_epochs: minEpochs,
      reduction_factor: reductionFactor,
      min_early_stopping_rate: z.int().min(0).optional().meta({ description: 's: the first rung is at r·η^s. Default 0.' }),
    }),
    z.strictObject({
      type: z.literal('hyperband').meta({ description: 'Hyperband: several ASHA brackets with different first rungs.' }),
      min_epochs: minEpochs,
      max_epochs: z.int().min(1).optional().meta({ description: "R: a trial's full budget in epochs. Default: budget.max_epochs." }),
      reduction_factor: reductionFactor,
    }),
  ])
  .default({ type: 'none' })
  .meta({ title: 'Pruner', description: 'Early stopping of unpromising trials: none (default), median, asha or hyperband.' });
