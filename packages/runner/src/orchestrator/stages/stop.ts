/**
 * The *stop* stage: whether the loop may ask for more trials, and how the sweep ends. Ctrl-C, the
 * time budget and the failure policy stop the asking; the trial budget and an exhausted grid are
 * the sources running dry (stages/ask.ts).
 */
import type { SweepControl } from '../sweep-control.js';
import type { SweepRun } from '../sweep-run.js';
import { sourcesDone } from './ask.js';

export type SweepEnd =
  /** Every source is done: budget reached, grid exhausted, every stage's trials run. */
  | { readonly status: 'finished' }
  /** Stopped by the user or the time budget with work left: `sweep resume` continues. */
  | { readonly status: 'interrupted'; readonly reason: string }
  /** Stopped by the failure policy: fix the cause, then `sweep resume`. */
  | { readonly status: 'failed'; readonly reason: string; readonly failedTrials: readonly number[] };

/** Why no new trial may start now, or undefined while the sweep may go on asking. */
export function stopReason(run: SweepRun, control: SweepControl): string | undefined {
  if (run.failures.stop) return run.failures.stop.message;
  if (control.stoppingAsking) return 'stopped by the user';
  const timeout = run.spec.budget.timeout;
  if (timeout !== undefined && Date.now() - run.startedAt >= timeout * 1000) return `the time budget (${timeout} s) ran out`;
  return undefined;
}

/** How the sweep ends once nothing runs any more. */
export function sweepEnd(run: SweepRun, control: SweepControl): SweepEnd {
  const failure = run.failures.stop;
  if (failure) return { status: 'failed', reason: failure.message, failedTrials: failure.trials };
  // The time budget is an end like the trial budget: the sweep is finished, not waiting for a resume.
  if (!control.stoppingAsking) return { status: 'finished' };
  if (sourcesDone(run) && run.requeued.size === 0) return { status: 'finished' };
  return { status: 'interrupted', reason: 'stopped by the user' };
}

/** Why the running trials must be cancelled now (Ctrl-C twice, the failure policy), if they must. */
export function cancelReason(run: SweepRun, control: SweepControl): string | undefined {
  if (control.abortingRunning) return 'stopped by the user (Ctrl-C twice)';
  if (run.failures.stop) return `the sweep stops: ${run.failures.stop.message}`;
  return undefined;
}

/** Stores how the sweep ended (its status and the closing event) and returns it. */
export function recordEnd(run: SweepRun, control: SweepControl): SweepEnd {
  const { store, sweep, study } = run;
  const stuck = run.sources.filter((source) => !source.done(run));
  if (!control.stoppingAsking && !run.failures.stop && stuck.length > 0) {
    // Nothing runs and these sources still had nothing to give: nothing could change their mind.
    store.appendEvent(sweep.id, null, 'info', `ended with nothing left to run for: ${stuck.map((source) => source.name).join(', ')}`);
  }
  const end = sweepEnd(run, control);
  store.setSweepStatus(sweep.id, end.status);
  const count = `${study.trials.length} trials`;
  if (end.status === 'finished') store.appendEvent(sweep.id, null, 'sweep_finished', `sweep finished after ${count}`);
  else store.appendEvent(sweep.id, null, 'interrupted', `sweep ${end.status} after ${count}: ${end.reason}`);
  return end;
}
