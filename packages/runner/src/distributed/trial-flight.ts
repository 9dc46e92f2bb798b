/**
 * One job the coordinator follows until its outcome is known: it turns the job's progress messages
 * and result into onReport/onLog calls, each report exactly once and in order, and ends once.
 *
 * Why it tracks runs: a job taken again after its agent died starts a new run, whose reports count
 * from i = 0 again (the same steps reported again overwrite, as a retried epoch does); a late
 * message of the agent that lost the job is ignored. A message that skips an index (events lost
 * while disconnected) stops live delivery for that run; the result then carries the rest.
 */
import type { TrialOutcome } from '@loopsweep/core';
import type { AgentIdentity, TrialJobResult, TrialProgress } from './job-data.js';

type ReportFn = (step: number, metrics: Readonly<Record<string, number>>) => void;

export class TrialFlight {
  readonly done: Promise<TrialOutcome>;
  /** Enqueued (or found) in Redis: only then may its absence mean that it vanished. */
  added = false;
  /** Why cancel() was asked, once it was. */
  cancelReason: string | undefined;
  #resolve!: (outcome: TrialOutcome) => void;
  #ended = false;
  #run: string | undefined;
  #seq = 0;
  #agent: string | undefined;
  #delivered = 0;
  #behind = false;

  constructor(
    readonly jobId: string,
    private readonly onReport: ReportFn,
    private readonly onLog: ((line: string) => void) | undefined,
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** The agent of the current run, once known. */
  get agent(): string | undefined {
    return this.#agent;
  }

  progress(progress: TrialProgress): void {
    if (this.#ended) return;
    if (progress.run !== this.#run) {
      const seq = runNumber(progress.run);
      if (seq < this.#seq) return; // a late message of an agent that lost the job
      this.#follow(progress.run, seq);
    }
    if (progress.agent) this.#taken(progress.agent);
    for (const line of progress.logs) this.onLog?.(line);
    for (const [k, report] of progress.reports.entries()) {
      const index = progress.i + k;
      if (this.#behind || index > this.#delivered) {
        this.#behind = true;
        return;
      }
      if (index < this.#delivered) continue;
      this.#delivered += 1;
      this.onReport(report.step, report.metrics);
    }
  }

  /** A line about the trial from the executor itself (a stall). */
  log(line: string): void {
    if (!this.#ended) this.onLog?.(line);
  }

  /** Delivers what the messages did not, then ends with the result's outcome. */
  result(result: TrialJobResult): void {
    if (this.#ended) return;
    // Only the agent that holds the job's lock can complete it: its run is the one that counts.
    if (result.run !== this.#run) {
      this.#follow(result.run, runNumber(result.run));
      this.#taken(result.agent);
    }
    for (const line of result.logs) this.onLog?.(line);
    for (const report of result.reports.slice(this.#delivered)) this.onReport(report.step, report.metrics);
    this.end(result.outcome);
  }

  /** Ends the flight; false when it had ended already (a result counts once). */
  end(outcome: TrialOutcome): boolean {
    if (this.#ended) return false;
    this.#ended = true;
    this.#resolve(outcome);
    return true;
  }

  #follow(run: string, seq: number): void {
    this.#run = run;
    this.#seq = seq;
    this.#delivered = 0;
    this.#behind = false;
  }

  #taken(agent: AgentIdentity): void {
    this.#agent = agent.name;
    this.onLog?.(`agent ${agent.name} on ${agent.host} took it${this.#seq > 1 ? ` (run ${this.#seq}: the job was taken again)` : ''}`);
  }
}

/** `<agent>#<n>` → n, BullMQ's count of the job's starts. */
function runNumber(run: string): number {
  return Number(run.slice(run.lastIndexOf('#') + 1));
}
