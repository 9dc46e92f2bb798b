/**
 * Runs trials on the main thread, through the same runTrial and report round trip the worker
 * threads use: for tests of algorithms that must not depend on thread timing (the order of
 * reports then depends only on the objectives' awaits, so a seed gives the same sweep every time).
 */
import type { TrialExecutor, TrialHandle, TrialTask, ReportListener } from '@loopsweep/core';
import { answerReport } from '../executor/answer-report.js';
import type { TrialControl } from '../worker/messages.js';
import { runTrial } from '../worker/run-trial.js';

export class InlineExecutor implements TrialExecutor {
  readonly description: string;

  constructor(readonly slots: number) {
    this.description = `${slots} inline slots (main thread, tests)`;
  }

  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle {
    let answered: Promise<void> = Promise.resolve();
    let control: (message: TrialControl) => void = () => undefined;
    const run = runTrial(task, 'cpu', (message) => {
      if (message.type === 'log') onLog?.(message.line);
      // The trial's clone of a checkpoint, as a worker's postMessage would make.
      else answered = answerReport(onReport, { ...message, checkpoint: structuredClone(message.checkpoint) }, (answer) => control(answer), answered);
    });
    control = (message) => run.control(message);
    return { done: run.outcome, prune: () => run.control({ type: 'prune' }), cancel: (reason) => run.control({ type: 'cancel', reason }) };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
