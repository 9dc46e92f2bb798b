/**
 * When failures stop a sweep (like Ray Tune's FailureConfig(max_failures) and Optuna's `catch`):
 * a broken objective or dataset fails every trial the same way, and running the rest of the budget
 * only burns it. Some failures are data (a diverged loss at a high learning rate): they stop a
 * sweep only through `budget.max_failures`.
 *
 * Both rules count the trials that finish in this run of the sweep, so that `sweep resume` after
 * the user fixed the cause starts afresh instead of stopping again on the old failures.
 */
import { DEFAULT_FAIL_FAST, type BudgetSpec } from '@loopsweep/core';

/** Why the sweep stops, for the CLI's one message (exit 1). */
export interface FailureStop {
  readonly message: string;
  /** The failed trials the message is about, oldest first. */
  readonly trials: readonly number[];
}

export class FailurePolicy {
  readonly #failFast: number;
  readonly #maxFailures: number | undefined;
  /** The first trials that finished in this run, up to failFast: their failure reasons, or undefined. */
  readonly #first: { readonly number: number; readonly reason: string | undefined }[] = [];
  readonly #failed: number[] = [];
  #stop: FailureStop | undefined;

  /** @param budget the spec's budget: `fail_fast` (default 3, 0 = off) and `max_failures`. */
  constructor(budget: Pick<BudgetSpec, 'fail_fast' | 'max_failures'>) {
    this.#failFast = budget.fail_fast ?? DEFAULT_FAIL_FAST;
    this.#maxFailures = budget.max_failures;
  }

  /** The reason the sweep must stop, once it must. */
  get stop(): FailureStop | undefined {
    return this.#stop;
  }

  /**
   * Records how a trial finished: `failure` for FAILED (`reason`: its error class and message;
   * `diverged`: a NaN/Inf loss, which is data about the params and so never counts as the same
   * error twice), undefined for COMPLETE or PRUNED. A re-queued attempt has not finished and is
   * not recorded.
   */
  record(number: number, failure?: { readonly reason: string; readonly diverged: boolean }): void {
    if (this.#stop) return;
    const reason = failure?.reason;
    if (reason !== undefined) this.#failed.push(number);
    if (this.#first.length < this.#failFast) {
      this.#first.push({ number, reason: failure?.diverged ? undefined : reason });
      const [head] = this.#first;
      const same = head?.reason !== undefined && this.#first.every((t) => t.reason === head.reason);
      if (this.#first.length === this.#failFast && same) {
        const numbers = this.#first.map((t) => t.number);
        this.#stop = {
          trials: numbers,
          message: `the first ${this.#failFast} trials (${numbers.map((n) => `#${n}`).join(', ')}) all failed the same way: ${head.reason}`,
        };
        return;
      }
    }
    if (reason !== undefined && this.#maxFailures !== undefined && this.#failed.length >= this.#maxFailures) {
      this.#stop = {
        trials: this.#failed.slice(-3),
        message: `${this.#failed.length} trials failed, which reaches budget.max_failures (${this.#maxFailures}); the last one: ${reason}`,
      };
    }
  }
}
