/**
 * The orchestrator loop of DESIGN.md, on the main thread: ask the study for trials, run them on
 * the executor's slots, record every report and prune decision, finish each trial by its outcome,
 * and stop at the budget. The only SQLite writer.
 */
import { mixSeed, type FrozenTrial, type StoredTrial, type SweepRecord, type SweepSpec, type TrialExecutor, type TrialHandle, type TrialOutcome, type TrialStore, type TrialTask, Study, createStudy } from '@loopsweep/core';
import type { RunnerEvent } from './progress.js';
import { MetricsBatcher } from './metrics-batcher.js';
import { SweepControl } from './sweep-control.js';
import { createSweepRecord, findLostTrials, loadSweepRecord, lostReason, reclaimInterrupted } from './open-sweep.js';
import { newOwner } from './owner.js';
import { ProgressTracker } from './progress-tracker.js';
import { resolveObjective } from './resolve-objective.js';

export interface RunSweepOptions {
  readonly store: TrialStore;
  readonly executor: TrialExecutor;
  /** Start `spec` as a new sweep, or resume the stored sweep named `name`. */
  readonly start: { readonly kind: 'new'; readonly spec: SweepSpec; readonly specDir: string } | { readonly kind: 'resume'; readonly name: string; readonly specDir: string };
  readonly control?: SweepControl;
  readonly onEvent?: (event: RunnerEvent) => void;
  /** How often RUNNING trials' heartbeat is written. Default 2 s. */
  readonly heartbeatMs?: number;
  /** A RUNNING trial whose owner is silent this long counts as interrupted on resume. Default 30 s. */
  readonly leaseMs?: number;
  /** How often progress is reported and metrics flushed while trials run. Default 250 ms. */
  readonly tickMs?: number;
}

export interface SweepOutcome {
  readonly sweep: SweepRecord;
  /** 'finished': budget reached or grid exhausted; 'interrupted': stopped by the control. */
  readonly status: 'finished' | 'interrupted';
  readonly trials: readonly FrozenTrial[];
  readonly best?: FrozenTrial;
}

interface Running {
  readonly trial: FrozenTrial;
  readonly handle: TrialHandle;
  pruned: boolean;
  failure?: string;
}

/**
 * Wakes the orchestrator's loop when a trial ends or the control changes, or after `ms`.
 * Why not Promise.race over every running trial: that allocates per turn and handles one ending
 * per turn; here every ending that arrived meanwhile is handled in the same turn and transaction.
 */
class Wakeup {
  #resolve: (() => void) | undefined;

  wake(): void {
    this.#resolve?.();
    this.#resolve = undefined;
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.#resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * Runs a sweep to its budget (trials, timeout, an exhausted grid) or until `control` stops it.
 * @throws {SpecError} for an unknown objective; {StoreError} when the name is taken (new) or the
 *   sweep is missing or still running elsewhere (resume). Trial failures never throw: they are data.
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepOutcome> {
  const { store, executor, onEvent } = options;
  const control = options.control ?? new SweepControl();
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const tickMs = options.tickMs ?? 250;
  const owner = newOwner();
  const startedAt = Date.now();

  let spec: SweepSpec;
  let sweep: SweepRecord;
  // Trials a dead orchestrator left RUNNING that the executor may still follow (reattach).
  let lost: StoredTrial[] = [];
  if (options.start.kind === 'new') {
    spec = options.start.spec;
    resolveObjective(spec.objective, options.start.specDir); // refuse before writing anything
    sweep = createSweepRecord(store, spec);
  } else {
    ({ sweep, spec } = loadSweepRecord(store, options.start.name));
    resolveObjective(spec.objective, options.start.specDir);
    if (executor.reattach) lost = findLostTrials(store, sweep, owner, startedAt, options.leaseMs ?? 30_000);
    else reclaimInterrupted(store, sweep, owner, startedAt, options.leaseMs ?? 30_000);
    store.setSweepStatus(sweep.id, 'running');
    store.appendEvent(sweep.id, null, 'sweep_resumed', `sweep ${sweep.name} resumed`);
  }
  const objective = resolveObjective(spec.objective, options.start.specDir);
  // Where the trials run is part of the record (for a queue: its name and redacted URL, which
  // `sweep status` and `sweep resume` read back).
  store.appendEvent(sweep.id, null, 'info', `trials run on ${executor.description}`);
  const study: Study = createStudy(spec, store.loadTrials(sweep.id));
  const metrics = new MetricsBatcher(store, sweep.id);
  const progress = new ProgressTracker(spec, study, startedAt);
  const running = new Map<number, Running>();
  const ended: { number: number; outcome: TrialOutcome }[] = [];
  const wakeup = new Wakeup();
  // A snapshot walks every trial, so while trials run it is built at most once per tick (the
  // caller sees each trial's end through the store anyway); the first and last are always sent.
  let lastEmit = Number.NEGATIVE_INFINITY;
  const emit = (force = false) => {
    if (!onEvent) return;
    const now = performance.now();
    if (!force && now - lastEmit < tickMs) return;
    lastEmit = now;
    onEvent({ type: 'progress', progress: progress.snapshot(running, control.stoppingAsking) });
  };
  const log = (message: string, trialNumber?: number) => onEvent?.({ type: 'log', message, ...(trialNumber !== undefined ? { trialNumber } : {}) });

  // QUEUED trials waiting for a slot (re-queued retries, and asked-but-never-started ones on
  // resume), kept as a set so the loop never scans every trial.
  const queued = new Set(study.trials.filter((t) => t.state === 'QUEUED').map((t) => t.number));
  const budgetLeft = () => {
    if (spec.budget.trials !== undefined && study.trials.length >= spec.budget.trials && queued.size === 0) return false;
    if (spec.budget.timeout !== undefined && Date.now() - startedAt >= spec.budget.timeout * 1000) return false;
    return true;
  };

  const nextTrial = (): FrozenTrial | undefined => {
    // Re-queued trials (retries, interrupted attempts) go first.
    const [first] = queued;
    if (first !== undefined) {
      queued.delete(first);
      return study.trials[first];
    }
    if (spec.budget.trials !== undefined && study.trials.length >= spec.budget.trials) return undefined;
    if (study.isExhausted()) return undefined;
    const asked = study.ask();
    store.createTrial(sweep.id, asked);
    return asked;
  };

  // Unique beyond this database: sweeps of several databases may share one queue. Two keys can only
  // meet for the same name, the same millisecond and the same spec: then the trials are the same too.
  const sweepKey = `${sweep.name}@${sweep.createdAt.toString(36)}.${sweep.specHash.slice(0, 8)}`;
  const taskFor = (trial: FrozenTrial): TrialTask => ({
    sweepName: spec.name,
    sweepKey,
    trialNumber: trial.number,
    attempt: trial.attempt,
    params: trial.params,
    objective,
    seed: mixSeed(spec.sampler.seed, trial.number),
    ...(spec.dataset ? { dataset: spec.dataset } : {}),
    ...(spec.budget.max_epochs !== undefined ? { maxEpochs: spec.budget.max_epochs } : {}),
  });

  // What every running trial reports goes through here: metrics, prune decisions, log lines.
  const callbacks = (entry: Running, trial: FrozenTrial) => ({
    onReport: (step: number, reported: Readonly<Record<string, number>>) => {
      if (entry.pruned || entry.failure) return;
      metrics.add({ trialNumber: trial.number, step, metrics: reported });
      try {
        const decision = study.report(trial.number, step, reported);
        if (decision.prune) {
          entry.pruned = true;
          store.appendEvent(sweep.id, trial.number, 'trial_pruned', `pruner stops it at step ${step}: ${spec.metric.name} = ${decision.value}`);
          entry.handle.prune();
        }
      } catch (error) {
        // The objective does not report the tracked metric: the trial cannot be judged.
        entry.failure = error instanceof Error ? error.message : String(error);
        entry.handle.cancel(entry.failure);
      }
    },
    onLog: (line: string) => {
      // Which backend and device (and, through a queue, which agent) a trial ran on is part of its
      // record (results compare fairly only on the same device); other lines are for the terminal.
      if (line.startsWith('backend ') || line.startsWith('agent ')) store.appendEvent(sweep.id, trial.number, 'info', line);
      log(line, trial.number);
    },
  });

  const track = (entry: Running, handle: TrialHandle) => {
    Object.assign(entry, { handle });
    running.set(entry.trial.number, entry);
    void handle.done.then((outcome) => {
      ended.push({ number: entry.trial.number, outcome });
      wakeup.wake();
    });
  };

  const launch = (trial: FrozenTrial) => {
    const started = study.start(trial.number);
    store.updateTrial(sweep.id, trial.number, { state: 'RUNNING', owner });
    store.appendEvent(sweep.id, trial.number, 'trial_started', `trial ${trial.number} started (attempt ${started.attempt})`);
    const entry = { trial: started, pruned: false } as Running;
    const { onReport, onLog } = callbacks(entry, trial);
    track(entry, executor.start(taskFor(started), onReport, onLog));
  };

  // A trial a dead orchestrator left RUNNING: follow it where the executor still can (its result
  // may already wait on the queue), else run it again as the next attempt.
  const adopt = async (lostTrial: StoredTrial, reattach: NonNullable<TrialExecutor['reattach']>) => {
    const trial = study.trials[lostTrial.number] as FrozenTrial;
    const entry = { trial, pruned: false } as Running;
    const { onReport, onLog } = callbacks(entry, trial);
    const handle = await reattach.call(executor, taskFor(trial), onReport, onLog);
    if (handle) {
      store.updateTrial(sweep.id, trial.number, { state: 'RUNNING', owner });
      store.appendEvent(sweep.id, trial.number, 'info', `trial ${trial.number} re-attached (attempt ${trial.attempt}): ${executor.description} still holds it`);
      track(entry, handle);
      return;
    }
    const reason = lostReason(lostTrial);
    const requeued = study.requeue(trial.number);
    queued.add(trial.number);
    store.updateTrial(sweep.id, trial.number, { state: 'QUEUED', attempt: requeued.attempt, failureReason: reason });
    store.appendEvent(sweep.id, trial.number, 'trial_retried', `${reason}; re-queued as attempt ${requeued.attempt}`);
  };

  const finish = (entry: Running, outcome: TrialOutcome) => {
    metrics.flush();
    const number = entry.trial.number;
    const trial = study.trials[number] as FrozenTrial;
    if (entry.failure) {
      study.tell(number, 'FAILED');
      store.updateTrial(sweep.id, number, { state: 'FAILED', failureReason: entry.failure });
      store.appendEvent(sweep.id, number, 'trial_failed', entry.failure);
      return;
    }
    if (outcome.status === 'complete') {
      const reported = outcome.value ?? outcome.metrics[spec.metric.name];
      const value = reported ?? lastValue(trial);
      const finalRows = finalMetricsToStore(trial, outcome.metrics);
      if (finalRows) store.appendMetrics(sweep.id, [finalRows]);
      const told = study.tell(number, 'COMPLETE', value);
      const failureReason = told.state === 'FAILED' ? `objective result has no finite '${spec.metric.name}' (got ${value})` : undefined;
      store.updateTrial(sweep.id, number, { state: told.state, ...(told.value !== undefined ? { value: told.value } : {}), ...(failureReason ? { failureReason } : {}) });
      store.appendEvent(sweep.id, number, told.state === 'COMPLETE' ? 'trial_completed' : 'trial_failed', failureReason ?? `${spec.metric.name} = ${told.value}`);
    } else if (outcome.status === 'pruned' || (entry.pruned && outcome.status === 'failed' && outcome.kind !== 'crashed')) {
      const told = study.tell(number, 'PRUNED');
      store.updateTrial(sweep.id, number, { state: 'PRUNED', ...(told.value !== undefined ? { value: told.value } : {}) });
    } else if (outcome.kind === 'cancelled' || (outcome.kind === 'crashed' && trial.attempt <= spec.budget.retries)) {
      // Ctrl-C twice, or a crash the retry policy covers: back to the queue for a later run.
      const reason = outcome.kind === 'cancelled' ? `interrupted: ${outcome.reason}` : `crashed: ${outcome.reason}`;
      const requeued = study.requeue(number);
      queued.add(number);
      store.updateTrial(sweep.id, number, { state: 'QUEUED', attempt: requeued.attempt, failureReason: reason });
      store.appendEvent(sweep.id, number, 'trial_retried', `${reason}; re-queued as attempt ${requeued.attempt}`);
    } else {
      const reason = `${outcome.kind}: ${outcome.reason}`;
      study.tell(number, 'FAILED');
      store.updateTrial(sweep.id, number, { state: 'FAILED', failureReason: reason });
      store.appendEvent(sweep.id, number, 'trial_failed', reason);
    }
  };

  const heartbeat = setInterval(() => store.heartbeat(sweep.id, owner, Date.now()), heartbeatMs);
  heartbeat.unref();
  let abortSent = false;
  const unsubscribe = control.onChange(() => wakeup.wake());
  try {
    if (executor.reattach) for (const trial of lost) await adopt(trial, executor.reattach);
    emit(true);
    for (;;) {
      // One transaction per turn of the loop for all its writes: the curves and endings that
      // arrived, then the trials launched into the freed slots.
      const launched = store.batch(() => {
        metrics.flush();
        for (const { number, outcome } of ended.splice(0)) {
          const entry = running.get(number) as Running;
          running.delete(number);
          finish(entry, outcome);
        }
        let count = 0;
        while (!control.stoppingAsking && running.size < executor.slots && budgetLeft()) {
          const trial = nextTrial();
          if (!trial) break;
          launch(trial);
          count += 1;
        }
        return count;
      });
      if (running.size === 0) break;
      if (control.abortingRunning && !abortSent) {
        abortSent = true;
        for (const entry of running.values()) entry.handle.cancel('stopped by the user (Ctrl-C twice)');
      }
      emit();
      if (ended.length === 0) await wakeup.wait(tickMs);
    }
  } finally {
    unsubscribe();
    clearInterval(heartbeat);
    metrics.flush();
  }
  const status = control.stoppingAsking && (budgetLeft() || study.trials.some((t) => t.state === 'QUEUED')) ? 'interrupted' : 'finished';
  store.setSweepStatus(sweep.id, status);
  store.appendEvent(sweep.id, null, status === 'finished' ? 'sweep_finished' : 'interrupted', `sweep ${status} after ${study.trials.length} trials`);
  emit(true);
  const best = study.best();
  return { sweep: { ...sweep, status }, status, trials: study.trials, ...(best ? { best } : {}) };
}

function lastValue(trial: FrozenTrial): number | undefined {
  const steps = [...trial.intermediate.keys()];
  return steps.length === 0 ? undefined : trial.intermediate.get(Math.max(...steps));
}

/**
 * Final metrics the objective returned but never reported per epoch (test scores, parameter
 * count) are stored at the last step, so `sweep show` and exports have them.
 */
function finalMetricsToStore(trial: FrozenTrial, finalMetrics: Readonly<Record<string, number>>): { trialNumber: number; step: number; metrics: Record<string, number> } | undefined {
  const entries = Object.entries(finalMetrics).filter(([, v]) => typeof v === 'number' && Number.isFinite(v));
  if (entries.length === 0) return undefined;
  const steps = [...trial.intermediate.keys()];
  const step = steps.length === 0 ? 0 : Math.max(...steps);
  return { trialNumber: trial.number, step, metrics: Object.fromEntries(entries) };
}
