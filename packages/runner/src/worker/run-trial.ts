/**
 * One trial inside whatever runs it (a worker thread or a process host): builds the objective's
 * context, turns answers and prune/cancel requests into its AbortSignal, and classifies how it
 * ended.
 */
import { TrialPrunedError, type BackendName, type ObjectiveContext, type TrialOutcome, type TrialTask } from '@loopsweep/core';
import { commandObjective } from '../objectives/command-objective.js';
import { loadObjective } from '../objectives/load-objective.js';
import type { TrialControl, TrialMessage } from './messages.js';
import { TrialCancelledError } from './trial-cancelled-error.js';
import { outcomeOfError, outcomeOfResult, type StopRequest } from './trial-outcome.js';

export interface TrialRun {
  /** Resolves once the objective has returned or thrown; never rejects. */
  readonly outcome: Promise<TrialOutcome>;
  /** Delivers an answer, or a prune or cancel request (only the first stop fires the signal). */
  control(message: TrialControl): void;
}

/**
 * Starts `task` here. Reports and log lines go to `post` as they happen, in order; a `post` that
 * throws (metrics that cannot be cloned) fails the trial as an objective error would.
 *
 * Each `ctx.report` resolves when its answer arrives (answers come in report order), after the
 * signal has fired if the answer is to stop; once the signal has fired for any reason, pending and
 * later reports resolve at once, so an objective never waits for answers nobody will send.
 */
export function runTrial(task: TrialTask, device: BackendName, post: (message: TrialMessage) => void): TrialRun {
  const abort = new AbortController();
  let stop: StopRequest | undefined;
  let lastStep = 0;
  let lastReported: Readonly<Record<string, number>> = {};
  const unanswered: { step: number; resolve: () => void }[] = [];

  const pruneAt = (step: number) => {
    stop ??= { kind: 'prune' };
    abort.abort(new TrialPrunedError(step));
  };
  const releaseAll = () => {
    for (const { resolve } of unanswered.splice(0)) resolve();
  };

  const ctx: ObjectiveContext = {
    report(step, metrics, options) {
      lastStep = step;
      lastReported = metrics;
      // A checkpoint is only carried when the orchestrator keeps them: copying a model's weights
      // to the main thread every epoch is not free.
      const checkpoint = task.checkpointing === true ? options?.checkpoint : undefined;
      post(checkpoint === undefined ? { type: 'report', step, metrics } : { type: 'report', step, metrics, checkpoint });
      if (abort.signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => unanswered.push({ step, resolve }));
    },
    log(line) {
      post({ type: 'log', line: String(line) });
    },
    restore: () => Promise.resolve(task.restore),
    checkpointing: task.checkpointing === true,
    signal: abort.signal,
    seed: task.seed,
    device,
    ...(task.dataset !== undefined ? { dataset: task.dataset } : {}),
    ...(task.maxEpochs !== undefined ? { maxEpochs: task.maxEpochs } : {}),
  };

  const outcome = (async (): Promise<TrialOutcome> => {
    try {
      const objective = typeof task.objective === 'string' ? await loadObjective(task.objective) : commandObjective(task.objective, task);
      return outcomeOfResult(await objective(task.params, ctx), lastReported, stop);
    } catch (error) {
      return outcomeOfError(error, stop);
    } finally {
      releaseAll();
    }
  })();

  return {
    outcome,
    control(message) {
      switch (message.type) {
        case 'answer': {
          const answered = unanswered.shift();
          // A stop answer fires the signal before the report's promise resolves.
          if (message.stop) pruneAt(answered?.step ?? lastStep);
          answered?.resolve();
          if (abort.signal.aborted) releaseAll();
          return;
        }
        case 'cancel':
          // Cancel outranks a prune asked for earlier: the caller wants the trial recorded as interrupted.
          stop = { kind: 'cancel', reason: message.reason };
          abort.abort(new TrialCancelledError(message.reason));
          releaseAll();
          return;
        case 'prune':
          pruneAt(lastStep);
          releaseAll();
          return;
      }
    },
  };
}
