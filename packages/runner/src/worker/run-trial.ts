/**
 * One trial inside whatever runs it (a worker thread or a process host): builds the objective's
 * context, turns prune/cancel requests into its AbortSignal, and classifies how it ended.
 */
import { TrialPrunedError, type TrialOutcome, type TrialTask } from '@loopsweep/core';
import type { BackendName, DatasetSettings, ObjectiveContext } from '@loopsweep/model';
import { loadObjective } from '../objectives/load-objective.js';
import type { TrialControl, TrialMessage } from './messages.js';
import { TrialCancelledError } from './trial-cancelled-error.js';
import { outcomeOfError, outcomeOfResult, type StopRequest } from './trial-outcome.js';

export interface TrialRun {
  /** Resolves once the objective has returned or thrown; never rejects. */
  readonly outcome: Promise<TrialOutcome>;
  /** Delivers a prune or cancel request: fires the objective's signal (the first request only). */
  control(message: TrialControl): void;
}

/**
 * Starts `task` here. Reports and log lines go to `post` as they happen, in order; a `post` that
 * throws (metrics that cannot be cloned) fails the trial as an objective error would.
 */
export function runTrial(task: TrialTask, device: BackendName, post: (message: TrialMessage) => void): TrialRun {
  const abort = new AbortController();
  let stop: StopRequest | undefined;
  let lastStep = 0;
  let lastReported: Readonly<Record<string, number>> = {};

  const ctx: ObjectiveContext = {
    report(step, metrics) {
      lastStep = step;
      lastReported = metrics;
      post({ type: 'report', step, metrics });
    },
    log(line) {
      post({ type: 'log', line: String(line) });
    },
    signal: abort.signal,
    seed: task.seed,
    device,
    ...(task.dataset !== undefined ? { dataset: task.dataset as unknown as DatasetSettings } : {}),
    ...(task.maxEpochs !== undefined ? { maxEpochs: task.maxEpochs } : {}),
  };

  const outcome = (async (): Promise<TrialOutcome> => {
    try {
      const objective = await loadObjective(task.objective);
      return outcomeOfResult(await objective(task.params, ctx), lastReported);
    } catch (error) {
      return outcomeOfError(error, stop);
    }
  })();

  return {
    outcome,
    control(message) {
      if (message.type === 'cancel') {
        // Cancel outranks a prune asked for earlier: the caller wants the trial recorded as interrupted.
        stop = { kind: 'cancel', reason: message.reason };
        abort.abort(new TrialCancelledError(message.reason));
      } else {
        stop ??= { kind: 'prune' };
        abort.abort(new TrialPrunedError(lastStep));
      }
    },
  };
}
