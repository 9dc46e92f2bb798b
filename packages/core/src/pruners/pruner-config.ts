/**
 * The `pruner:` block of a sweep spec, as validated (snake_case as users write it). Steps are
 * epochs, 1-based, as objectives report them.
 */
export type PrunerConfig =
  | { readonly type: 'none' }
  | {
      readonly type: 'median';
      /** Steps 1..warmup_steps are never pruned (the first warmup_steps epochs). Default 0. */
      readonly warmup_steps?: number;
      /** No pruning until this many trials have finished (COMPLETE or PRUNED). Default 5. */
      readonly min_trials?: number;
    }
  | {
      readonly type: 'asha';
      /** r: the first rung's step. Default 1. */
      readonly min_epochs?: number;
      /** η. Default 3. */
      readonly reduction_factor?: number;
      /** s: rungs start at r·η^s. Default 0. */
      readonly min_early_stopping_rate?: number;
    }
  | {
      readonly type: 'hyperband';
      /** Default 1. */
      readonly min_epochs?: number;
      /**
       * R: the full budget in steps. Default: the sweep's budget.max_epochs (one of the two is
       * required). A trial that reached it is never pruned.
       */
      readonly max_epochs?: number;
      /** η. Default 3. */
      readonly reduction_factor?: number;
    };
