/**
 * What the orchestrator needs to run trials somewhere: worker threads of this process, one
 * process per GPU, or remote agents through a queue. Implemented by @loopsweep/runner's pools and
 * its QueueExecutor.
 */
import type { ObjectiveRef } from '../objective/command-objective.js';
import type { Checkpoint } from '../objective/objective.js';
import type { Params } from '../search-space/distributions.js';

/** Everything a worker needs to run one trial; plain data (structured-clone safe). */
export interface TrialTask {
  readonly sweepName: string;
  /**
   * Names this sweep beyond its database (`<name>@<creation time>.<spec hash>`): executors that share a queue
   * between several databases key their jobs by it. Set by the orchestrator; optional for callers
   * that run trials outside a stored sweep.
   */
  readonly sweepKey?: string;
  readonly trialNumber: number;
  readonly attempt: number;
  readonly params: Params;
  /**
   * A built-in objective name ('rnn-text', 'noop'), an absolute path/file URL of a module, or a
   * program to run (its `cwd` absolute).
   */
  readonly objective: ObjectiveRef;
  /** The trial's seed (by default mixSeed of the sweep seed and the trial number; a re-run carries its own). */
  readonly seed: number;
  /** The spec's `dataset` block, passed to the objective as its context. */
  readonly dataset?: Readonly<Record<string, unknown>>;
  /** The spec's budget.max_epochs. */
  readonly maxEpochs?: number;
  /** The checkpoint the trial starts from (ctx.restore()), if any. */
  readonly restore?: Checkpoint;
  /** Whether the orchestrator keeps checkpoints (ctx.checkpointing): otherwise a report's checkpoint is dropped where the trial runs. */
  readonly checkpointing?: boolean;
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

/**
 * The orchestrator's answer to one report, once it has stored the step and asked the pruner:
 * 'stop' means the trial is pruned at this step (or is no longer wanted), 'continue' that it runs on.
 */
export type ReportAnswer = 'continue' | 'stop';

/**
 * Receives each report of a running trial, in order. The executor hands its answer back to the
 * trial: `ctx.report` resolves only then, with `ctx.signal` already aborted on 'stop'.
 */
export type ReportListener = (step: number, metrics: Readonly<Record<string, number>>, checkpoint?: unknown) => ReportAnswer | Promise<ReportAnswer>;

export interface TrialHandle {
  /** Resolves once the trial has ended, however it ended; never rejects. */
  readonly done: Promise<TrialOutcome>;
  /** Ask the trial to stop at its next step, outside a report's answer; it ends 'pruned'. */
  prune(): void;
  /** Ask the trial to stop now; it ends failed/'cancelled'. */
  cancel(reason: string): void;
}

export interface TrialExecutor {
  /**
   * How many trials can run at once. Read again on every turn of the orchestrator's loop, so an
   * executor whose capacity changes (remote agents joining or leaving) may return a new number.
   */
  readonly slots: number;
  /** Words for `sweep status` and logs, e.g. "2 worker threads (wasm)". */
  readonly description: string;
  /**
   * Starts a trial on a free slot (the caller never starts more than `slots` at once).
   * `onReport` is called on the main thread for each `ctx.report(step, metrics)`, in order, and its
   * answer goes back to the trial: the objective's `await ctx.report(…)` resolves only then, and
   * after 'stop' its signal has fired (the trial ends 'pruned').
   * `onLog` receives the objective's progress lines (backend chosen, dataset sizes), and an
   * executor's own lines about where the trial runs (`agent …`). Neither is called before start()
   * has returned.
   */
  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle;
  /**
   * Optional: takes back a trial that an earlier orchestrator of this sweep started and lost when
   * it died (kill -9), where the executor can still follow it (a remote agent still runs it, or
   * holds its finished result). Resolves to a handle that replays every report of the trial from
   * its first step, then ends with its outcome; or to undefined when the executor knows nothing of
   * it (the orchestrator then re-queues the trial). Never rejects for an unknown trial.
   */
  reattach?(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): Promise<TrialHandle | undefined>;
  /** Ends every worker; running trials end 'cancelled'. */
  close(): Promise<void>;
}
