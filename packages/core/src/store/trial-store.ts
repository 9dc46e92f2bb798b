/**
 * What the orchestrator needs from storage (DESIGN.md: one writer, the store is the truth).
 * Implemented by @loopsweep/store's SqliteTrialStore; a conformance suite checks any
 * implementation.
 *
 * @remarks Ownership and threads. Only the orchestrator's main thread holds a TrialStore and
 * writes through it; workers never touch storage. A RUNNING trial belongs to the `owner` that
 * started it (a process id + host + random token) until that owner finishes it or is found dead
 * (no heartbeat for longer than the lease) — then `findInterrupted` reports it and the orchestrator re-queues it. Readers (the
 * CLI's read commands, the dashboard) use a separate read-only API and never block the writer.
 *
 * Every method may throw StoreError (code 'STORE') wrapping the driver's error; none returns a
 * half-applied change: each call is one transaction.
 */
import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';
import type { TrialState } from '../trial/trial-state.js';

export type SweepStatus = 'running' | 'finished' | 'interrupted' | 'failed';

export interface SweepRecord {
  readonly id: number;
  /** Unique across the database. */
  readonly name: string;
  /** The spec document as the user wrote it after validation (sweepSpecDocument), JSON-ready. */
  readonly spec: unknown;
  /** sha256 of the canonical spec JSON, to tell whether two sweeps ran the same spec. */
  readonly specHash: string;
  readonly metric: string;
  readonly direction: Direction;
  readonly objective: string;
  readonly status: SweepStatus;
  readonly seed: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly finishedAt?: number;
}

/** What the caller provides for a new sweep; the store assigns the id, status and times. */
export type NewSweep = Pick<SweepRecord, 'name' | 'spec' | 'specHash' | 'metric' | 'direction' | 'objective' | 'seed'>;

/** A trial as stored: the FrozenTrial the Study needs plus bookkeeping. */
export interface StoredTrial extends FrozenTrial {
  readonly sweepId: number;
  readonly failureReason?: string;
  readonly owner?: string;
  /** Epoch ms of the owner's last heartbeat while RUNNING. */
  readonly heartbeatAt?: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
}

/** A change of a trial's state (and what goes with it), applied atomically. */
export interface TrialUpdate {
  readonly state: TrialState;
  /** COMPLETE / PRUNED: the objective value. */
  readonly value?: number;
  /** COMPLETE / PRUNED in a multi-objective or constrained sweep: each tracked metric's final value (FrozenTrial.values). */
  readonly values?: Readonly<Record<string, number>>;
  /** FAILED (or a re-queue): why, in words ("diverged: loss is NaN at epoch 3, step 12"). */
  readonly failureReason?: string;
  /** RUNNING: who runs it. */
  readonly owner?: string;
  /** Re-queue: the new attempt number. */
  readonly attempt?: number;
  /**
   * Re-queue from a checkpoint: the attempt continues from the trial's own checkpoint at this step,
   * so its metrics up to it are kept (the rest deleted) and its restoreStep becomes this.
   */
  readonly restoreStep?: number;
}

/** A stored checkpoint's key and size. */
export interface CheckpointKey {
  readonly trialNumber: number;
  readonly step: number;
  readonly bytes: number;
}

/** One per-epoch report of one trial. */
export interface MetricRow {
  readonly trialNumber: number;
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export type EventKind =
  | 'sweep_started'
  | 'sweep_resumed'
  | 'sweep_finished'
  | 'trial_started'
  | 'trial_pruned'
  | 'trial_failed'
  | 'trial_retried'
  | 'trial_completed'
  | 'interrupted'
  | 'info';

export interface TrialStore {
  /** @throws {StoreError} code 'STORE' when a sweep of that name exists (the message says to resume or rename). */
  createSweep(sweep: NewSweep): SweepRecord;
  getSweep(name: string): SweepRecord | undefined;
  setSweepStatus(sweepId: number, status: SweepStatus): void;
  /**
   * Every trial of the sweep in number order, each with its tracked metric's learning curve in
   * `intermediate` (the sweep's `metric`): exactly what `new Study({ trials })` needs. With
   * `tracked` (a multi-objective or constrained sweep's trackedMetricsOf), also each trial's
   * `intermediateValues` (those metrics per reported step) and its final `values`, if any.
   */
  loadTrials(sweepId: number, tracked?: readonly string[]): StoredTrial[];
  /** Records a new trial (normally QUEUED) with its params (and, if it has them, its `values` and `intermediateValues`). */
  createTrial(sweepId: number, trial: FrozenTrial): void;
  /**
   * Applies a state change, with `values` if given. Moving a trial back to QUEUED (a retry) also
   * deletes its metric rows and values: the next attempt reports its own learning curve.
   * @throws {StoreError} when the trial does not exist.
   */
  updateTrial(sweepId: number, trialNumber: number, update: TrialUpdate): void;
  /**
   * Appends metric rows of any trials in one transaction: the orchestrator batches a tick's
   * reports so per-epoch metrics of many trials cost one fsync. A (trial, step, name) written
   * twice keeps the later value (a result reported twice is recorded once).
   */
  appendMetrics(sweepId: number, rows: readonly MetricRow[]): void;
  /** Marks the owner alive for its RUNNING trials of this sweep. */
  heartbeat(sweepId: number, owner: string, now: number): void;
  /**
   * Trials RUNNING under an owner other than `currentOwner` whose heartbeat is older than
   * `now − leaseMs`: returns them (their owner is dead: kill -9, power loss). The caller decides
   * per the retry policy whether to re-queue or fail them.
   */
  findInterrupted(sweepId: number, currentOwner: string, now: number, leaseMs: number): StoredTrial[];
  appendEvent(sweepId: number, trialNumber: number | null, kind: EventKind, message: string): void;
  /**
   * Keeps a trial's checkpoint of `step` (population-based training), replacing one of the same
   * key. `data` is the serialized state (the runner uses v8.serialize).
   * @throws {StoreError} when the trial does not exist.
   */
  saveCheckpoint(sweepId: number, trialNumber: number, step: number, data: Uint8Array): void;
  /** The checkpoint of (trial, step), or undefined when none is kept. */
  loadCheckpoint(sweepId: number, trialNumber: number, step: number): Uint8Array | undefined;
  /** Every kept checkpoint of the sweep, by trial number then step. */
  checkpointKeys(sweepId: number): CheckpointKey[];
  /** Drops the checkpoint of (trial, step); nothing when there is none. */
  deleteCheckpoint(sweepId: number, trialNumber: number, step: number): void;
  /**
   * Runs `body` as one transaction: the calls it makes commit together or, if it throws, not at
   * all. Why: the orchestrator makes several small writes per trial (create, start, event,
   * metrics, finish); one commit per loop turn instead of one per write keeps the per-trial
   * overhead far below a millisecond. Calls nest.
   */
  batch<T>(body: () => T): T;
  close(): void;
}
