/**
 * What the orchestrator needs to run trials somewhere: worker threads of this process, one
 * process per GPU, or (later) remote agents. Implemented by @loopsweep/runner's pools.
 */
import type { Params } from '../search-space/distributions.js';

/** Everything a worker needs to run one trial; plain data (structured-clone safe). */
export interface TrialTask {
  readonly sweepName: string;
  readonly trialNumber: number;
  readonly attempt: number;
  readonly params: Params;
  /** A built-in objective name ('rnn-text', 'noop') or an absolute path/file URL of a module. */
  readonly objective: string;
  /** The trial's seed (mixSeed of the sweep seed and the trial number). */
  readonly seed: number;
  /** The spec's `dataset` block, passed to the objective as its context. */
  readonly dataset?: Readonly<Record<string, unknown>>;
  /** The spec's budget.max_epochs. */
  readonly maxEpochs?: number;
}

export type TrialOutcome =
  /** `value`: the objective's number, if it returned one; `metrics`: its final metrics, if any. */
  | { readonly status: 'complete'; readonly value?: number; readonly metrics: Readonly<Record<string, number>> }
  /** Stopped by prune() (the objective honoured its AbortSignal). */
  | { readonly status: 'pruned' }
  /**
   * Stopped by cancel(), or failed: 'diverged' (NaN/Inf loss: never retried), 'error' (the
   * objective threw), 'crashed' (the worker thread or process died: retried by policy),
   * 'cancelled' (cancel(): recorded as interrupted).
   */
  | { readonly status: 'failed'; readonly kind: 'diverged' | 'error' | 'crashed' | 'cancelled'; readonly reason: string };

export interface TrialHandle {
  /** Resolves once the trial has ended, however it ended; never rejects. */
  readonly done: Promise<TrialOutcome>;
  /** Ask the trial to stop at its next step; it ends 'pruned'. */
  prune(): void;
  /** Ask the trial to stop now; it ends failed/'cancelled'. */
  cancel(reason: string): void;
}

export interface TrialExecutor {
  /** How many trials can run at once. */
  readonly slots: number;
  /** Words for `sweep status` and logs, e.g. "2 worker threads (wasm)". */
  readonly description: string;
  /**
   * Starts a trial on a free slot (the caller never starts more than `slots` at once).
   * `onReport` is called on the main thread for each `ctx.report(step, metrics)`, in order.
   * `onLog` receives the objective's progress lines (backend chosen, dataset sizes).
   */
  start(task: TrialTask, onReport: (step: number, metrics: Readonly<Record<string, number>>) => void, onLog?: (line: string) => void): TrialHandle;
  /** Ends every worker; running trials end 'cancelled'. */
  close(): Promise<void>;
}
