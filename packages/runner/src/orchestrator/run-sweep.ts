/**
 * The orchestrator loop of DESIGN.md, on the main thread and the only SQLite writer: *ask* what
 * runs next, *launch* it on a free slot, handle each *report* (store, prune, answer), *finish*
 * each trial by its outcome, and *stop* at the budget, on Ctrl-C or by the failure policy. Each
 * stage is a file of its own under stages/; each kind of trial is a source under sources/.
 */
import type { FrozenTrial, SweepRecord, TrialExecutor, TrialOutcome, TrialStore } from '@loopsweep/core';
import { openSweep, type SweepStart } from './open-sweep.js';
import { newOwner } from './owner.js';
import type { RunnerEvent } from './progress.js';
import { ProgressTracker } from './progress-tracker.js';
import type { TrialSource } from './sources/trial-source.js';
import { askNext } from './stages/ask.js';
import { awaitsSuccessor } from './sources/pbt-exploits.js';
import { awaitsNextSegment } from './sources/schedule-replay.js';
import { finishTrial } from './stages/finish.js';
import { adopt, launch } from './stages/launch.js';
import { ReportStage } from './stages/report.js';
import { cancelReason, recordEnd, stopReason, type SweepEnd } from './stages/stop.js';
import { SweepControl } from './sweep-control.js';
import { createSweepRun, type RunningTrial } from './sweep-run.js';
import { Wakeup } from './wakeup.js';

export interface RunSweepOptions {
  readonly store: TrialStore;
  readonly executor: TrialExecutor;
  /** Start `spec` as a new sweep, or resume the stored sweep named `name`. */
  readonly start: SweepStart;
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
  const opened = openSweep(store, executor, options.start, { owner, startedAt, leaseMs: options.leaseMs ?? 30_000 });
  const wakeup = new Wakeup();
  const endings: { number: number; outcome: TrialOutcome }[] = [];
  const run = createSweepRun({ ...opened, store, executor, owner, startedAt, extraSources: options.sources ?? [], onEvent, wakeup, endings });
  const reports = new ReportStage(run);
  const progress = new ProgressTracker(run.spec, run.study, startedAt);
  // A snapshot walks every trial: built at most once per tick; the first and last always.
  let lastEmit = Number.NEGATIVE_INFINITY;
  const emit = (force = false) => {
    if (!onEvent || (!force && performance.now() - lastEmit < tickMs)) return;
    lastEmit = performance.now();
    onEvent({ type: 'progress', progress: progress.snapshot(run.running, control.stoppingAsking || run.failures.stop !== undefined) });
  };

  const heartbeat = setInterval(() => store.heartbeat(run.sweep.id, owner, Date.now()), options.heartbeatMs ?? 2000);
  heartbeat.unref();
  const unsubscribe = control.onChange(() => wakeup.wake());
  let cancelSent = false;
  try {
    for (const trial of opened.lost) await adopt(run, reports, trial);
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
        // Launched trials have their start checkpoints in their tasks: what nothing needs now goes.
        // A replay segment's last checkpoint stays until its next segment has its own copy.
        run.checkpoints?.retain(run.study, (trial) => awaitsSuccessor(trial, run.study.trials) || awaitsNextSegment(trial, run.study.trials));
      });
      // Endings and launches may let decisions that waited for their peers go ahead; a stopping
      // sweep launches no one, so none of them may wait any longer.
      reports.release(stopReason(run, control) !== undefined);
      if (run.running.size === 0) break;
      // Ctrl-C twice, or the failure policy: the running trials are cancelled and re-queued.
      const cancel = cancelReason(run, control);
      if (cancel && !cancelSent) {
        cancelSent = true;
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
  const end = recordEnd(run, control);
  emit(true);
  const best = run.study.best();
  return { ...end, sweep: { ...run.sweep, status: end.status }, trials: run.study.trials, ...(best ? { best } : {}) };
}
