/**
 * The objective contract (DESIGN.md, "Objectives"): what a trial's code is given and what it
 * returns. Core owns it so that the runner, the built-in objectives (`@loopsweep/model`'s
 * `rnn-text`, the runner's `noop`) and user modules all implement one interface.
 */
import type { Params } from '../search-space/distributions.js';

/**
 * Where a trial may train. Pure-JavaScript backends (`wasm`, `cpu`, `webgpu`) run many trials per
 * process, one per worker thread; the native ones (`tfjs-node`, `tfjs-node-gpu`) get one process
 * per device (DESIGN.md). `auto` picks the fastest that starts.
 */
export const BACKEND_NAMES = ['auto', 'wasm', 'cpu', 'webgpu', 'tfjs-node', 'tfjs-node-gpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What an objective gets besides its params. */
export interface ObjectiveContext {
  /**
   * Records the metrics of `step` (an epoch). The promise resolves once the orchestrator has stored
   * the step and its pruner has decided; when the decision is to stop, `signal` is already aborted
   * by then, so the objective's next `signal.throwIfAborted()` ends the trial. Awaiting it is what
   * makes pruning depend on the reported values rather than on how fast a thread runs; an
   * objective that does not await still works, and is stopped at the step the pruner named.
   */
  report(step: number, metrics: Readonly<Record<string, number>>, options?: ReportOptions): Promise<void>;
  /**
   * The checkpoint this trial starts from (population-based training: another member's state at
   * `step`, or this trial's own after an interruption), or undefined when it starts fresh. The
   * objective continues from `step + 1`. Absent in hosts without checkpoints.
   */
  restore?(): Promise<Checkpoint | undefined>;
  /**
   * True when the host keeps checkpoints (a population-based training sweep): only then is a
   * checkpoint offered with a report worth its cost. Absent or false: `options.checkpoint` is dropped.
   */
  readonly checkpointing?: boolean;
  /** Fires when the trial is pruned or cancelled; its reason is the error to throw. */
  readonly signal?: AbortSignal;
  /** The trial's seed: initial weights, batch order, dropout masks. */
  readonly seed: number;
  /** Backend to train on. Default 'wasm'. */
  readonly device?: BackendName;
  /** The spec's `dataset` block, as written there (snake_case keys), after validation. */
  readonly dataset?: Readonly<Record<string, unknown>>;
  /** The sweep's budget.max_epochs: the default and the cap for an `epochs` param. */
  readonly maxEpochs?: number;
  /** Progress lines for the terminal and the trial's record (backend chosen, dataset sizes). */
  log?(message: string): void;
}

/** What `ctx.report` may carry besides the metrics. */
export interface ReportOptions {
  /**
   * The objective's state after this step, to continue from later: any structured-cloneable value
   * (typed arrays for weights). The host keeps the ones it needs (see ObjectiveContext.checkpointing).
   */
  readonly checkpoint?: unknown;
}

/** A saved state of a trial's training: what `ctx.restore()` gives back. */
export interface Checkpoint {
  /** The step (epoch) after which it was taken. */
  readonly step: number;
  /** The value the objective offered with that step's report, as a structured clone. */
  readonly state: unknown;
}

/** A finite number (the tracked metric), or named final metrics that include it. */
export type ObjectiveResult = number | Readonly<Record<string, number>>;

/**
 * A trial's code: a built-in (`rnn-text`, `noop`) or a module's default export. It reports each
 * step through `ctx.report`, honours `ctx.signal`, and returns its result; anything it throws ends
 * the trial FAILED with the error as its reason (a `DivergedError`, code DIVERGED, as diverged).
 */
export type Objective = (params: Params, ctx: ObjectiveContext) => ObjectiveResult | Promise<ObjectiveResult>;
