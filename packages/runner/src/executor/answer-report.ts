/**
 * The executor's half of the report round trip: hand a trial's report to the orchestrator and send
 * its answer back to the trial, in report order.
 */
import type { ReportListener } from '@loopsweep/core';
import type { TrialControl } from '../worker/messages.js';

/**
 * Calls `onReport` now (so reports reach the orchestrator in the order they were sent) and posts
 * the answer once it is known. Answers are awaited one after another per trial, because the trial
 * matches each answer to its oldest unanswered report.
 *
 * A listener that throws or rejects is a bug in the caller, not the objective's: the trial is told
 * to continue rather than left waiting for an answer that never comes.
 */
export function answerReport(
  onReport: ReportListener,
  report: { readonly step: number; readonly metrics: Readonly<Record<string, number>>; readonly checkpoint?: unknown },
  post: (control: TrialControl) => void,
  previous: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  let answer: ReturnType<ReportListener>;
  try {
    answer = onReport(report.step, report.metrics, report.checkpoint);
  } catch {
    answer = 'continue';
  }
  return Promise.all([previous, answer]).then(
    ([, decided]) => post({ type: 'answer', stop: decided === 'stop' }),
    () => post({ type: 'answer', stop: false }),
  );
}
