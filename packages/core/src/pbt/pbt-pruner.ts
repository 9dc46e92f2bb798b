import type { Pruner, PruningContext } from '../pruners/pruner.js';
import { lastStep, type FrozenTrial } from '../trial/frozen-trial.js';
import { isExploited } from './exploit.js';

/** PBT's exploit as a pruner: a member in the bottom quantile at an interval step stops there (see isExploited). */
export class PbtPruner implements Pruner {
  readonly name = 'pbt';

  constructor(readonly options: { readonly interval: number; readonly quantile: number; readonly maxEpochs: number }) {}

  prune(context: PruningContext, trial: FrozenTrial): boolean {
    const step = lastStep(trial);
    if (step === undefined) return false;
    return isExploited(context.trials, trial, step, { ...this.options, direction: context.direction });
  }
}
