/**
 * One trial given to a ProcessPoolExecutor, from start() until its outcome: waiting for a slot,
 * then running in a child process. Holds prune/cancel requests made before its child can take them.
 */
import type { ReportListener, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import type { TrialControl, TrialMessage } from '../worker/messages.js';
import { answerReport } from './answer-report.js';
import { cancelledOutcome } from './executor-options.js';

export class ProcessTrial {
  readonly done: Promise<TrialOutcome>;
  readonly handle: TrialHandle;
  #resolve!: (outcome: TrialOutcome) => void;
  #settled = false;
  #cancelReason: string | undefined;
  #pending: TrialControl[] = [];
  #deliver: ((control: TrialControl) => void) | undefined;
  #answered: Promise<void> = Promise.resolve();

  constructor(
    readonly task: TrialTask,
    private readonly onReport: ReportListener,
    private readonly onLog: ((line: string) => void) | undefined,
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    this.handle = { done: this.done, prune: () => this.request({ type: 'prune' }), cancel: (reason) => this.request({ type: 'cancel', reason }) };
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** The reason given to cancel(), once it has been called. */
  get cancelReason(): string | undefined {
    return this.#cancelReason;
  }

  /** The trial is now in a child: requests go to `deliver`, starting with any made while it waited. */
  attach(deliver: (control: TrialControl) => void): void {
    this.#deliver = deliver;
    for (const control of this.#pending.splice(0)) deliver(control);
  }

  receive(message: TrialMessage): void {
    if (this.#settled) return;
    // Answers go straight to the child (never queued: a report only comes from a running child).
    if (message.type === 'report') this.#answered = answerReport(this.onReport, message, (answer) => !this.#settled && this.#deliver?.(answer), this.#answered);
    else this.onLog?.(message.line);
  }

  /** Ends the trial; later calls are ignored. */
  finish(outcome: TrialOutcome): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve(outcome);
  }

  private request(control: TrialControl): void {
    if (this.#settled) return;
    if (control.type === 'cancel') {
      if (this.#cancelReason !== undefined) return;
      this.#cancelReason = control.reason;
      // Still waiting for a slot: there is nothing to stop.
      if (!this.#deliver) return this.finish(cancelledOutcome(control.reason));
    }
    if (this.#deliver) this.#deliver(control);
    else this.#pending.push(control);
  }
}
