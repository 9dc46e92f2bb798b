/**
 * The orchestrator loop of DESIGN.md, on the main thread and the only SQLite writer: *ask* what
 * runs next, *launch* it on a free slot, handle each *report* (store, prune, answer), *finish*
 * each trial by its outcome, and *stop* at the budget, on Ctrl-C or by the failure policy. Each
 * stage is a file of its own under stages/; each kind of trial is a source under sources/.
 */
import {
  createStudy,
  trialSeed,
  type FrozenTrial,
  type StoredTrial,
  type SweepRecord,
  type SweepSpec,
  type TrialExecutor,
  type TrialOutcome,
  type TrialStore,
} from '@loopsweep/core';
import { FailurePolicy } from './failure-policy.js';
import { MetricsBatcher } from './metrics-batcher.js';
import { createSweepRecord, findLostTrials, loadSweepRecord, reclaimInterrupted } from './open-sweep.js';
import { newOwner } from './owner.js';
import type { RunnerEvent } from './progress.js';
import { ProgressTracker } from './progress-tracker.js';
import { resolveObjective } from './resolve-objective.js';
import { RequeuedTrials } from './sources/requeued-trials.js';
import { specSources } from './sources/spec-sources.js';
import type { TrialSource } from './sources/trial-source.js';
import { askNext, sourcesDone } from './stages/ask.js';
import { finishTrial } from './stages/finish.js';
import { adopt, launch } from './stages/launch.js';
import { ReportStage } from './stages/report.js';
import { stopReason, sweepEnd, type SweepEnd } from './stages/stop.js';
import { SweepControl } from './sweep-control.js';
import type { RunningTrial, SweepRun } from './sweep-run.js';
import { Transitions } from './transitions.js';
import { Wakeup } from './wakeup.js';

export interface RunSweepOptions {
  readonly store: TrialStore;
  readonly executor: TrialExecutor;
  /** Start `spec` as a new sweep, or resume the stored sweep named `name`. */
  readonly start:
    { readonly kind: 'new'; readonly spec: SweepSpec; readonly specDir: string } | { readonly kind: 'resume'; readonly name: string; readonly specDir: string };
  readonly control?: SweepControl;
  readonly onEvent?: (event: RunnerEvent) => void;
  /**
   * Trial sources of later stages, tried after retries and before the sampler (see
   * sources/trial-source.ts). Each must find what it already ran in the study, so a resumed sweep
   * given the same sources runs only what is left.
   */
  readonly sources?: readonly TrialSource[];
  /** How often RUNNING trials' heartbeat is written. Default 2 s. */
  readonly heartbeatMs?: number;
  /** A RUNNING trial whose owner is silent this long counts as interrupted on resume. Default 30 s. */
  readonly leaseMs?: number;
  /** How often progress is reported and metrics flushed while trials run. Default 250 ms. */
  readonly tickMs?: number;
}

export type SweepOutcome = SweepEnd & {
  readonly sweep: SweepRecord;
  readonly trials: readonly FrozenTrial[];
  readonly best?: FrozenTrial;
};

/**
 * Runs a sweep until every trial source is done (trial budget, exhausted grid, every stage's
 * trials), its time budget runs out, `control` stops it, or the failure policy does.
 * @throws {SpecError} for an unknown objective; {StoreError} when the name is taken (new) or the
 *   sweep is missing or still running elsewhere (resume). Trial failures never throw: they are data.
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepOutcome> {
  const { store, executor, onEvent } = options;
  const control = options.control ?? new SweepControl();
  const tickMs = options.tickMs ?? 250;
  const owner = newOwner();
  const startedAt = Date.now();
  const leaseMs = options.leaseMs ?? 30_000;

  // Refuse a bad objective before anything is written.
  const { sweep, spec, objective } = openSweep(options, store);
  let lost: StoredTrial[] = [];
  if (options.start.kind === 'resume') {
    // Trials a dead orchestrator left RUNNING: followed again where the executor still can.
    if (executor.reattach) lost = findLostTrials(store, sweep, owner, startedAt, leaseMs);
    else reclaimInterrupted(store, sweep, owner, startedAt, leaseMs);
    store.setSweepStatus(sweep.id, 'running');
    store.appendEvent(sweep.id, null, 'sweep_resumed', `sweep ${sweep.name} resumed`);
  }
  // Where the trials run is part of the record (for a queue: its name and redacted URL).
  store.appendEvent(sweep.id, null, 'info', `trials run on ${executor.description}`);

  const study = createStudy(spec, store.loadTrials(sweep.id));
  const requeued = new RequeuedTrials(study.trials);
  const wakeup = new Wakeup();
  const endings: { number: number; outcome: TrialOutcome }[] = [];
  // Unique beyond this database: sweeps of several databases may share one queue.
  const sweepKey = `${sweep.name}@${sweep.createdAt.toString(36)}.${sweep.specHash.slice(0, 8)}`;
  const run: SweepRun = {
    spec,
    study,
    store,
    executor,
    sweep,
    owner,
    startedAt,
    transitions: new Transitions(study, store, sweep.id, owner, spec.metric.name),
    sources: [requeued, ...(options.sources ?? []), ...specSources(spec, study.trials)],
    requeued,
    running: new Map(),
    metrics: new MetricsBatcher(store, sweep.id),
    failures: new FailurePolicy(spec.budget),
    task: (trial) => ({
      sweepName: spec.name,
      sweepKey,
      trialNumber: trial.number,
      attempt: trial.attempt,
      params: trial.params,
      objective,
      seed: trialSeed(spec.sampler.seed, trial),
      ...(spec.dataset ? { dataset: spec.dataset } : {}),
      ...(spec.budget.max_epochs !== undefined ? { maxEpochs: spec.budget.max_epochs } : {}),
    }),
    ended: (number, outcome) => {
      endings.push({ number, outcome });
      wakeup.wake();
    },
    log: (message, trialNumber) => onEvent?.({ type: 'log', message, ...(trialNumber !== undefined ? { trialNumber } : {}) }),
  };
  const reports = new ReportStage(run);
  const progress = new ProgressTracker(spec, study, startedAt);
  // A snapshot walks every trial: built at most once per tick; the first and last always.
  let lastEmit = Number.NEGATIVE_INFINITY;
  const emit = (force = false) => {
    if (!onEvent || (!force && performance.now() - lastEmit < tickMs)) return;
    lastEmit = performance.now();
    onEvent({ type: 'progress', progress: progress.snapshot(run.running, control.stoppingAsking || run.failures.stop !== undefined) });
  };

  const heartbeat = setInterval(() => store.heartbeat(sweep.id, owner, Date.now()), options.heartbeatMs ?? 2000);
  heartbeat.unref();
  const unsubscribe = control.onChange(() => wakeup.wake());
  let cancelSent: string | undefined;
  try {
    for (const trial of lost) await adopt(run, reports, trial);
    emit(true);
    for (;;) {
      // One transaction per turn for all its writes: the reports and endings that arrived, then
      // the trials launched into the freed slots.
      store.batch(() => {
        reports.flush();
        run.metrics.flush();
        for (const { number, outcome } of endings.splice(0)) {
          finishTrial(run, run.running.get(number) as RunningTrial, outcome);
          run.running.delete(number);
        }
        while (run.running.size < executor.slots && stopReason(run, control) === undefined) {
          const trial = askNext(run);
          if (!trial) break;
          launch(run, reports, trial);
        }
      });
      if (run.running.size === 0) break;
      // Ctrl-C twice, or the failure policy: the running trials are cancelled and re-queued.
      const cancel = control.abortingRunning
        ? 'stopped by the user (Ctrl-C twice)'
        : run.failures.stop
          ? `the sweep stops: ${run.failures.stop.message}`
          : undefined;
      if (cancel && !cancelSent) {
        cancelSent = cancel;
        for (const entry of run.running.values()) entry.handle.cancel(cancel);
      }
      emit();
      if (endings.length === 0) await wakeup.wait(tickMs);
    }
  } finally {
    unsubscribe();
    clearInterval(heartbeat);
    run.metrics.flush();
  }
  if (!control.stoppingAsking && !run.failures.stop && !sourcesDone(run) && (options.sources?.length ?? 0) > 0) {
    store.appendEvent(
      sweep.id,
      null,
      'info',
      `stage sources with nothing to run were ended: ${run.sources
        .filter((s) => !s.done(run))
        .map((s) => s.name)
        .join(', ')}`,
    );
  }
  const end = sweepEnd(run, control);
  store.setSweepStatus(sweep.id, end.status);
  store.appendEvent(
    sweep.id,
    null,
    end.status === 'finished' ? 'sweep_finished' : 'interrupted',
    end.status === 'finished' ? `sweep finished after ${study.trials.length} trials` : `sweep ${end.status} after ${study.trials.length} trials: ${end.reason}`,
  );
  emit(true);
  const best = study.best();
  return { ...end, sweep: { ...sweep, status: end.status }, trials: study.trials, ...(best ? { best } : {}) };
}

/** The sweep record and spec (created or loaded), and the objective as workers load it. */
function openSweep(options: RunSweepOptions, store: TrialStore): { sweep: SweepRecord; spec: SweepSpec; objective: string } {
  const { start } = options;
  if (start.kind === 'new') {
    const objective = resolveObjective(start.spec.objective, start.specDir);
    return { sweep: createSweepRecord(store, start.spec), spec: start.spec, objective };
  }
  const { sweep, spec } = loadSweepRecord(store, start.name);
  return { sweep, spec, objective: resolveObjective(spec.objective, start.specDir) };
}
