/**
 * What `sweep run` shows while it runs. On a terminal: a block redrawn in place, with a line per
 * finished trial scrolling above it. Elsewhere (a pipe, a CI log): plain lines, one per finished
 * trial. Objective log lines go to stderr, prefixed with the trial number, only when verbose.
 */
import type { TrialState } from '@loopsweep/core';
import { formatNumber } from '../format/value.js';
import { LiveBlock } from './live-block.js';
import { formatTally, progressLines, type ProgressView } from './progress-view.js';

/** A trial's state change as the orchestrator writes it. */
export interface TrialChange {
  readonly number: number;
  readonly state: TrialState;
  readonly value?: number;
  readonly failureReason?: string;
  readonly attempt?: number;
}

export interface RunReporterOptions {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Redraw in place (stdout is a terminal). */
  readonly live: boolean;
  readonly verbose: boolean;
  readonly paramOrder?: readonly string[];
  /** Minimum milliseconds between two redraws. Default 200. */
  readonly redrawMs?: number;
}

export class RunReporter {
  readonly #options: RunReporterOptions;
  readonly #block: LiveBlock | undefined;
  #latest: ProgressView | undefined;
  #pending: TrialChange[] = [];
  #lastDraw = 0;

  constructor(options: RunReporterOptions) {
    this.#options = options;
    this.#block = options.live ? new LiveBlock(options.stdout) : undefined;
  }

  get latest(): ProgressView | undefined {
    return this.#latest;
  }

  /** A line before the live output starts (or between, on a terminal: above the block). */
  info(text: string): void {
    if (this.#block) this.#block.printAbove(text);
    else this.#options.stdout.write(`${text}\n`);
  }

  /** A trial finished or went back to the queue; printed with the next progress snapshot's counts. */
  trialChanged(change: TrialChange): void {
    if (change.state === 'RUNNING') return;
    this.#pending.push(change);
  }

  progress(view: ProgressView): void {
    this.#latest = view;
    const lines = this.#pending.map((change) => formatChange(change, view));
    this.#pending = [];
    if (this.#block) {
      if (lines.length > 0) this.#block.printAbove(lines.join('\n'), this.#options.stdout, false);
      const now = Date.now();
      if (lines.length > 0 || now - this.#lastDraw >= (this.#options.redrawMs ?? 200)) {
        this.#block.draw(progressLines(view, this.#options.paramOrder));
        this.#lastDraw = now;
      }
    } else {
      for (const line of lines) this.#options.stdout.write(`${line}\n`);
    }
  }

  /** An objective's log line: stderr, `[trial 3] …`, only when verbose. */
  log(message: string, trialNumber?: number): void {
    if (!this.#options.verbose) return;
    const text = `${trialNumber !== undefined ? `[trial ${trialNumber}] ` : ''}${message}`;
    if (this.#block) this.#block.printAbove(text, this.#options.stderr);
    else this.#options.stderr.write(`${text}\n`);
  }

  /** Removes the live block; what follows is printed as plain lines. */
  end(): void {
    if (this.#latest && this.#pending.length > 0) this.progress(this.#latest);
    this.#block?.clear();
  }
}

/** "trial 3 COMPLETE val_accuracy=0.93 (12 done, 2 running, best 0.95 #7)" */
export function formatChange(change: TrialChange, view: ProgressView): string {
  const tally = `(${formatTally(view)})`;
  switch (change.state) {
    case 'COMPLETE':
      return `trial ${change.number} COMPLETE ${view.metric}=${formatNumber(change.value)} ${tally}`;
    case 'PRUNED':
      return `trial ${change.number} PRUNED${change.value !== undefined ? ` ${view.metric}=${formatNumber(change.value)}` : ''} ${tally}`;
    case 'FAILED':
      return `trial ${change.number} FAILED ${change.failureReason ? `${change.failureReason} ` : ''}${tally}`;
    case 'QUEUED':
      return `trial ${change.number} re-queued${change.attempt !== undefined ? ` as attempt ${change.attempt}` : ''}${change.failureReason ? `: ${change.failureReason}` : ''} ${tally}`;
    default:
      return `trial ${change.number} ${change.state} ${tally}`;
  }
}
