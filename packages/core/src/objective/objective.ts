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
  report(step: number, metrics: Readonly<Record<string, number>>): Promise<void>;
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

/** A finite number (the tracked metric), or named final metrics that include it. */
export type ObjectiveResult = number | Readonly<Record<string, number>>;

/**
 * A trial's code: a built-in (`rnn-text`, `noop`) or a module's default export. It reports each
 * step through `ctx.report`, honours `ctx.signal`, and returns its result; anything it throws ends
 * the trial FAILED with the error as its reason (a `DivergedError`, code DIVERGED, as diverged).
 */
export type Objective = (params: Params, ctx: ObjectiveContext) => ObjectiveResult | Promise<ObjectiveResult>;
