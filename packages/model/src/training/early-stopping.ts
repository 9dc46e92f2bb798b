import type { EarlyStoppingConfig } from './strategy.js';

/** What {@link ValLossTracker} remembers between epochs. */
export interface ValLossTrackerState {
  readonly best: number;
  readonly bestEpoch: number;
  /** Epochs since the best one. */
  readonly stale: number;
}

/** Tracks the best val_loss and says when training has gone `patience` epochs without improving. */
export class ValLossTracker {
  #best = Infinity;
  #bestEpoch = 0;
  #stale = 0;

  constructor(private readonly config: EarlyStoppingConfig | undefined) {}

  /** Records an epoch's val_loss; returns true when early stopping says stop. */
  record(epoch: number, valLoss: number): boolean {
    const minDelta = this.config?.minDelta ?? 0;
    if (valLoss < this.#best - minDelta) {
      this.#best = valLoss;
      this.#bestEpoch = epoch;
      this.#stale = 0;
    } else {
      this.#stale += 1;
    }
    // A run whose val_loss is never finite still names an epoch.
    if (this.#bestEpoch === 0) this.#bestEpoch = epoch;
    return this.config !== undefined && this.#stale > this.config.patience;
  }

  /** The tracker's memory, for a checkpoint. */
  state(): ValLossTrackerState {
    return { best: this.#best, bestEpoch: this.#bestEpoch, stale: this.#stale };
  }

  /** Continues from {@link ValLossTracker.state} (patience and minDelta are this tracker's own). */
  restore(state: ValLossTrackerState): void {
    this.#best = state.best;
    this.#bestEpoch = state.bestEpoch;
    this.#stale = state.stale;
  }

  /** 1-based epoch with the lowest val_loss so far. */
  get bestEpoch(): number {
    return this.#bestEpoch;
  }
}
