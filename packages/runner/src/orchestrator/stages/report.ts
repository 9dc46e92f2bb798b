/**
 * The *report* stage: each step a trial reports is stored, the pruner decides, and only then is the
 * trial answered (DESIGN.md: reports are a round trip). So whether a trial is pruned depends on the
 * values reported and the order they reached the orchestrator, never on how fast a thread runs.
 *
 * Reports that arrive in the same turn of the event loop are handled together, in arrival order,
 * in one transaction; their answers are sent once it has committed.
 */
import type { ReportAnswer } from '@loopsweep/core';
import type { RunningTrial, SweepRun } from '../sweep-run.js';

interface PendingReport {
  readonly entry: RunningTrial;
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly answer: (answer: ReportAnswer) => void;
}

export class ReportStage {
  #pending: PendingReport[] = [];
  #scheduled = false;

  constructor(private readonly run: SweepRun) {}

  /** A trial's report: resolves to its answer once the step is stored and judged. */
  receive(entry: RunningTrial, step: number, metrics: Readonly<Record<string, number>>): Promise<ReportAnswer> {
    return new Promise((answer) => {
      this.#pending.push({ entry, step, metrics, answer });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Handles every report received so far. Called on its own after each turn of the event loop, and
   * by the loop before it records endings (a trial's reports are always recorded before its end).
   */
  flush(): void {
    this.#scheduled = false;
    if (this.#pending.length === 0) return;
    const reports = this.#pending;
    this.#pending = [];
    const answers = this.run.store.batch(() => {
      const decided = reports.map((report) => this.#judge(report));
      this.run.metrics.flush();
      return decided;
    });
    // Committed: now the trials may go on (or stop).
    reports.forEach((report, i) => report.answer(answers[i] as ReportAnswer));
  }

  #judge({ entry, step, metrics }: PendingReport): ReportAnswer {
    // Stopped already (a report sent before the trial saw its answer): nothing more is recorded.
    if (entry.prunedAt !== undefined || entry.failure !== undefined) return 'stop';
    const { study, transitions } = this.run;
    const number = entry.trial.number;
    entry.last = { step, names: Object.keys(metrics) };
    // A step this attempt has recorded already (a queue replaying a run): the first report stands.
    if (study.trials[number]?.intermediate.has(step)) return 'continue';
    this.run.metrics.add({ trialNumber: number, step, metrics });
    try {
      const decision = study.report(number, step, metrics);
      if (!decision.prune) return 'continue';
      entry.prunedAt = step;
      transitions.pruneDecided(number, step, decision.value);
      return 'stop';
    } catch (error) {
      // The objective does not report the tracked metric: the trial cannot be judged.
      entry.failure = error instanceof Error ? error.message : String(error);
      entry.handle.cancel(entry.failure);
      return 'stop';
    }
  }
}
