/**
 * The state one run of a sweep shares between the orchestrator's stages. Built once by runSweep;
 * each stage reads and changes only what its job needs.
 */
import {
  createStudy,
  trackedMetricsOf,
  pbtOptions,
  resolvePbtOptions,
  lastStep,
  type Study,
  type Checkpoint,
  trialSeed,
  type FrozenTrial,
  type ObjectiveRef,
  type SweepRecord,
  type SweepSpec,
  type TrialExecutor,
  type TrialHandle,
  type TrialOutcome,
  type TrialStore,
  type TrialTask,
} from '@loopsweep/core';
import { CheckpointKeeper } from './checkpoints.js';
import { awaitsSuccessor, isMember } from './sources/pbt-exploits.js';
import { FailurePolicy } from './failure-policy.js';
import { MetricsBatcher } from './metrics-batcher.js';
import type { RunnerEvent } from './progress.js';
import { RequeuedTrials } from './sources/requeued-trials.js';
import { specSources } from './sources/spec-sources.js';
import { Transitions } from './transitions.js';
import type { Wakeup } from './wakeup.js';
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
  /** Population-based training's checkpoints; undefined when the sweep keeps none. */
  readonly checkpoints: CheckpointKeeper | undefined;
  /**
   * Whether the decision on `trial`'s report of `step` waits for its peers to report that step
   * too: population-based training's exploit steps, when the whole population runs at once (then
   * every member is judged against all, as in the paper's synchronous form, and the answer never
   * depends on which member got there first). With fewer slots than members it never waits (no
   * member could hold a slot another needs to catch up), and decisions are asynchronous.
   */
  waitsForPeers(trial: number, step: number): boolean;
  /** What a worker needs to run `trial` (plain data). */
  task(trial: FrozenTrial): TrialTask;
  /** Called by a trial's handle when it ends; the loop records it on its next turn. */
  ended(number: number, outcome: TrialOutcome): void;
  /** A line for the caller's terminal (not stored). */
  log(message: string, trialNumber?: number): void;
}

export interface SweepRunParts {
  readonly store: TrialStore;
  readonly executor: TrialExecutor;
  readonly sweep: SweepRecord;
  readonly spec: SweepSpec;
  readonly objective: ObjectiveRef;
  readonly owner: string;
  readonly startedAt: number;
  /** The caller's trial sources, tried after retries and before the spec's own. */
  readonly extraSources: readonly TrialSource[];
  readonly onEvent: ((event: RunnerEvent) => void) | undefined;
  /** Woken when a trial ends; its ending goes to `endings`. */
  readonly wakeup: Wakeup;
  readonly endings: { number: number; outcome: TrialOutcome }[];
}

function restoreOf(checkpoints: CheckpointKeeper, trial: FrozenTrial): { restore?: Checkpoint } {
  const restore = checkpoints.restoreFor(trial);
  return restore === undefined ? {} : { restore };
}

/** The run's shared state: the study rebuilt from the store, its sources, and its bookkeeping. */
export function createSweepRun(parts: SweepRunParts): SweepRun {
  const { store, sweep, spec, objective, onEvent, wakeup, endings } = parts;
  const study = createStudy(spec, store.loadTrials(sweep.id, trackedMetricsOf(spec)));
  const requeued = new RequeuedTrials(study.trials);
  const pbt = spec.sampler.type === 'pbt' ? { ...resolvePbtOptions(pbtOptions(spec.sampler)), maxEpochs: spec.budget.max_epochs ?? Infinity } : undefined;
  const checkpoints = pbt ? new CheckpointKeeper(store, sweep.id, pbt.interval) : undefined;
  // Unique beyond this database: sweeps of several databases may share one queue.
  const sweepKey = `${sweep.name}@${sweep.createdAt.toString(36)}.${sweep.specHash.slice(0, 8)}`;
  return {
    ...parts,
    study,
    transitions: new Transitions(study, store, sweep.id, parts.owner, spec.metric.name, checkpoints !== undefined),
    sources: [requeued, ...parts.extraSources, ...specSources(spec, study.trials)],
    requeued,
    running: new Map(),
    metrics: new MetricsBatcher(store, sweep.id),
    failures: new FailurePolicy(spec.budget),
    checkpoints,
    waitsForPeers: (number, step) => pbt !== undefined && waitsForPeers(study, parts.executor.slots >= pbt.population, pbt, number, step),
    task: (trial) => ({
      sweepName: spec.name,
      sweepKey,
      trialNumber: trial.number,
      attempt: trial.attempt,
      params: trial.params,
      objective,
      seed: trialSeed(spec.sampler.seed, trial),
      ...(spec.dataset ? { dataset: spec.dataset } : {}),
      // A trial's own epoch limit (a replayed schedule's segment) stands in for the budget's.
      ...(trial.maxEpochs !== undefined ? { maxEpochs: trial.maxEpochs } : spec.budget.max_epochs !== undefined ? { maxEpochs: spec.budget.max_epochs } : {}),
      ...(checkpoints ? { checkpointing: true, ...restoreOf(checkpoints, trial) } : {}),
    }),
    ended: (number, outcome) => {
      endings.push({ number, outcome });
      wakeup.wake();
    },
    log: (message, trialNumber) => onEvent?.({ type: 'log', message, ...(trialNumber !== undefined ? { trialNumber } : {}) }),
  };
}

/**
 * An exploit step's decision waits while another unfinished member (or a stopped one whose
 * successor is still to come) has not reached that step yet. Only when all members run at once.
 */
function waitsForPeers(study: Study, allAtOnce: boolean, pbt: { interval: number; maxEpochs: number }, number: number, step: number): boolean {
  if (!allAtOnce || step % pbt.interval !== 0 || step >= pbt.maxEpochs) return false;
  return study.trials.some((trial) => {
    if (trial.number === number || !isMember(trial)) return false;
    const progress = lastStep(trial) ?? trial.restoreStep ?? 0;
    if (trial.state === 'QUEUED' || trial.state === 'RUNNING') return progress < step;
    return awaitsSuccessor(trial, study.trials) && progress < step;
  });
}
