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
  readonly checkpoint: unknown;
  readonly answer: (answer: ReportAnswer) => void;
}

/** A report whose decision waits until its peers have reported the same step (see SweepRun.waitsForPeers). */
interface DeferredReport {
  readonly entry: RunningTrial;
  readonly step: number;
  readonly answer: (answer: ReportAnswer) => void;
}

export class ReportStage {
  #pending: PendingReport[] = [];
  #deferred: DeferredReport[] = [];
  #scheduled = false;

  constructor(private readonly run: SweepRun) {}

  /**
   * Decides the deferred reports whose peers have all caught up (or all of them, with `force`:
   * the sweep is stopping, and the peers may never start), and answers them once committed.
   */
  release(force = false): void {
    if (this.#deferred.length === 0) return;
    const ready = this.#deferred.filter((report) => force || !this.run.waitsForPeers(report.entry.trial.number, report.step));
    if (ready.length === 0) return;
    this.#deferred = this.#deferred.filter((report) => !ready.includes(report));
    const answers = this.run.store.batch(() => ready.map((report) => this.#decide(report.entry, report.step)));
    ready.forEach((report, i) => report.answer(answers[i] as ReportAnswer));
  }

  /** Whether reports wait for their answer now. */
  get deferred(): number {
    return this.#deferred.length;
  }

  #decide(entry: RunningTrial, step: number): ReportAnswer {
    if (entry.prunedAt !== undefined || entry.failure !== undefined) return 'stop';
    const number = entry.trial.number;
    if (!this.run.study.judge(number)) return 'continue';
    entry.prunedAt = step;
    this.run.transitions.pruneDecided(number, step, this.run.study.trials[number]?.intermediate.get(step) as number);
    return 'stop';
  }

  /** A trial's report: resolves to its answer once the step is stored and judged. */
  receive(entry: RunningTrial, step: number, metrics: Readonly<Record<string, number>>, checkpoint?: unknown): Promise<ReportAnswer> {
    return new Promise((answer) => {
      this.#pending.push({ entry, step, metrics, checkpoint, answer });
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
    // Committed: now the trials may go on (or stop); a deferred one waits for its peers.
    reports.forEach((report, i) => {
      const answer = answers[i] as ReportAnswer | 'defer';
      if (answer === 'defer') this.#deferred.push({ entry: report.entry, step: report.step, answer: report.answer });
      else report.answer(answer);
    });
    this.release();
  }

  #judge({ entry, step, metrics, checkpoint }: PendingReport): ReportAnswer | 'defer' {
    // Stopped already (a report sent before the trial saw its answer): nothing more is recorded.
    if (entry.prunedAt !== undefined || entry.failure !== undefined) return 'stop';
    const { study, transitions } = this.run;
    const number = entry.trial.number;
    entry.last = { step, names: Object.keys(metrics) };
    // A step this attempt has recorded already (a queue replaying a run): the first report stands.
    if (study.trials[number]?.intermediate.has(step)) return 'continue';
    this.run.metrics.add({ trialNumber: number, step, metrics });
    // Kept with the step, in the same transaction: a checkpoint and the curve up to it go together.
    this.run.checkpoints?.offer(number, step, checkpoint);
    try {
      const decision = study.report(number, step, metrics);
      if (this.run.waitsForPeers(number, step)) return 'defer';
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
