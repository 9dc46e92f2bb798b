/**
 * The *launch* stage: a QUEUED trial goes RUNNING on a free slot of the executor, its reports
 * wired to the report stage and its end to the loop. Also takes back trials a dead orchestrator
 * left running where the executor can still follow them.
 */
import type { FrozenTrial, StoredTrial, TrialHandle } from '@loopsweep/core';
import { lostReason } from '../open-sweep.js';
import type { RunningTrial, SweepRun } from '../sweep-run.js';
import type { ReportStage } from './report.js';

/** Starts `trial` (QUEUED) on the executor. */
export function launch(run: SweepRun, reports: ReportStage, trial: FrozenTrial): void {
  const started = run.transitions.start(trial.number);
  const entry = { trial: started } as RunningTrial;
  follow(run, entry, run.executor.start(run.task(started), ...listeners(run, reports, entry)));
}

/**
 * A trial a dead orchestrator left RUNNING: followed where the executor still holds it (its
 * reports replay from the first step; those already stored are kept as they are), else re-queued
 * as its next attempt.
 */
export async function adopt(run: SweepRun, reports: ReportStage, lost: StoredTrial): Promise<void> {
  const trial = run.study.trials[lost.number] as FrozenTrial;
  const entry = { trial } as RunningTrial;
  const handle = await run.executor.reattach?.(run.task(trial), ...listeners(run, reports, entry));
  if (handle) {
    run.transitions.adopted(trial.number, run.executor.description);
    follow(run, entry, handle);
    return;
  }
  run.transitions.requeue(trial.number, lostReason(lost));
  run.requeued.add(trial.number);
}

function listeners(run: SweepRun, reports: ReportStage, entry: RunningTrial) {
  const number = entry.trial.number;
  return [
    (step: number, metrics: Readonly<Record<string, number>>, checkpoint?: unknown) => reports.receive(entry, step, metrics, checkpoint),
    (line: string) => {
      // Which backend and device (and, through a queue, which agent) a trial ran on is part of its
      // record (results compare fairly only on the same device); other lines are for the terminal.
      if (line.startsWith('backend ') || line.startsWith('agent ')) run.store.appendEvent(run.sweep.id, number, 'info', line);
      run.log(line, number);
    },
  ] as const;
}

function follow(run: SweepRun, entry: RunningTrial, handle: TrialHandle): void {
  entry.handle = handle;
  run.running.set(entry.trial.number, entry);
  void handle.done.then((outcome) => run.ended(entry.trial.number, outcome));
}
