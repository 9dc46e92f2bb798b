/**
 * The state one run of a sweep shares between the orchestrator's stages. Built once by runSweep;
 * each stage reads and changes only what its job needs.
 */
import type { FrozenTrial, SweepRecord, TrialExecutor, TrialHandle, TrialOutcome, TrialStore, TrialTask } from '@loopsweep/core';
import type { FailurePolicy } from './failure-policy.js';
import type { MetricsBatcher } from './metrics-batcher.js';
import type { RequeuedTrials } from './sources/requeued-trials.js';
import type { SourceContext, TrialSource } from './sources/trial-source.js';

/** A trial on a slot, from launch until its outcome has been recorded. */
export interface RunningTrial {
  /** The record as it was started (attempt, params, seed). */
  readonly trial: FrozenTrial;
  handle: TrialHandle;
  /** The step at which the pruner stopped it; its reports after that are not recorded. */
  prunedAt?: number;
  /** Why it cannot be judged (it does not report the tracked metric): it ends FAILED with this. */
  failure?: string;
  /** The metric names of its last recorded report: final metrics never overwrite them. */
  last?: { readonly step: number; readonly names: readonly string[] };
}

export interface SweepRun extends SourceContext {
  readonly store: TrialStore;
  readonly executor: TrialExecutor;
  readonly sweep: SweepRecord;
  /** Who runs the sweep now: RUNNING trials name it; its heartbeat says it is alive. */
  readonly owner: string;
  /** Trial sources in the order the ask stage tries them. */
  readonly sources: readonly TrialSource[];
  /** Re-queued trials (also the first of `sources`). */
  readonly requeued: RequeuedTrials;
  readonly running: Map<number, RunningTrial>;
  readonly metrics: MetricsBatcher;
  readonly failures: FailurePolicy;
  /** What a worker needs to run `trial` (plain data). */
  task(trial: FrozenTrial): TrialTask;
  /** Called by a trial's handle when it ends; the loop records it on its next turn. */
  ended(number: number, outcome: TrialOutcome): void;
  /** A line for the caller's terminal (not stored). */
  log(message: string, trialNumber?: number): void;
}
