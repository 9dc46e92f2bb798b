import { isBetter, lastStep, type FrozenTrial } from '../trial/frozen-trial.js';
import { integerAtLeast, throwIfAny } from './check-options.js';
import type { Pruner, PruningContext } from './pruner.js';

export interface MedianPrunerOptions {
  /** Steps 1..warmupSteps are never pruned. Default 0. */
  readonly warmupSteps?: number;
  /** No pruning until this many other trials are COMPLETE or PRUNED. Default 5. */
  readonly minTrials?: number;
}

/**
 * The median stopping rule (Optuna's MedianPruner): prune a trial whose value at this step is
 * strictly worse than the median of the other trials' values at the same step.
 *
 * @remarks Unlike Optuna, the trial's value at this step is compared (not its best so far), and
 * the median is over every other trial that reported this step, in any state, not only COMPLETE
 * ones: at step t, a trial pruned later was still alive, so leaving it out would bias the median
 * towards the survivors and prune more and more as the sweep goes on.
 */
export class MedianPruner implements Pruner {
  readonly name = 'median';
  readonly warmupSteps: number;
  readonly minTrials: number;

  /** @throws {SpecError} listing each option that is not a non-negative integer. */
  constructor(options: MedianPrunerOptions = {}) {
    this.warmupSteps = options.warmupSteps ?? 0;
    this.minTrials = options.minTrials ?? 5;
    throwIfAny([...integerAtLeast('pruner.warmup_steps', this.warmupSteps, 0), ...integerAtLeast('pruner.min_trials', this.minTrials, 0)]);
  }

  prune(context: PruningContext, trial: FrozenTrial): boolean {
    const step = lastStep(trial);
    if (step === undefined) return false;
    const value = trial.intermediate.get(step) as number;
    if (Number.isNaN(value)) return true;
    if (step <= this.warmupSteps) return false;
    // By number, not identity: the context may hold an older record of the same trial.
    const others = context.trials.filter((t) => t.number !== trial.number);
    if (others.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED').length < this.minTrials) return false;
    const peers = others.map((t) => t.intermediate.get(step)).filter((v): v is number => v !== undefined && !Number.isNaN(v));
    return peers.length > 0 && isBetter(median(peers), value, context.direction);
  }
}

/** The middle value; for an even count, the mean of the two middle ones (numpy's 50th percentile). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
