/**
 * One job the coordinator follows until its outcome is known: it turns the job's progress messages
 * and result into onReport/onLog calls, each report exactly once and in order, and ends once.
 *
 * Why it tracks runs: a job taken again after its agent died starts a new run, whose reports count
 * from i = 0 again (the same steps reported again overwrite, as a retried epoch does); a late
 * message of the agent that lost the job is ignored. A message that skips an index (events lost
 * while disconnected, or a coordinator that took the job over mid-run) stops live delivery for that
 * run; the result then carries the rest.
 *
 * Each report delivered live is a round trip: onReport's answer goes back to the run's agent
 * through `answer`, naming the job, the run and the report's index. A report that cannot be
 * delivered live is answered 'continue' at once, so that its trial never waits on a coordinator
 * that will see it only with the result.
 */
import type { ReportAnswer, ReportListener, TrialOutcome } from '@loopsweep/core';
import type { AgentIdentity, TrialJobResult, TrialProgress, WireReport } from './job-data.js';
import type { ReportAnswerMessage } from './report-answer.js';

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
    private readonly onReport: ReportListener,
    private readonly onLog: ((line: string) => void) | undefined,
    private readonly answer: (message: ReportAnswerMessage) => void = () => undefined,
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
        this.answer({ jobId: this.jobId, run: progress.run, i: index, answer: 'continue' });
        continue;
      }
      if (index < this.#delivered) continue; // answered when it was delivered
      this.#delivered += 1;
      this.#ask(progress.run, index, report);
    }
  }

  /** Hands a report to the orchestrator and its answer back to the agent (unless the flight has ended: no trial waits then). */
  #ask(run: string, i: number, report: WireReport): void {
    let decided: ReturnType<ReportListener>;
    try {
      decided = this.onReport(report.step, report.metrics);
    } catch {
      decided = 'continue'; // a listener's bug must not hold the trial until the agent's timeout
    }
    void Promise.resolve(decided)
      .catch((): ReportAnswer => 'continue')
      .then((answer) => {
        // Anything but 'stop' (a listener typed loosely, returning nothing) means go on.
        if (!this.#ended) this.answer({ jobId: this.jobId, run, i, answer: answer === 'stop' ? 'stop' : 'continue' });
      });
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
    // The trial has ended: these reports are recorded, and nobody waits for their answers.
    for (const report of result.reports.slice(this.#delivered)) void this.onReport(report.step, report.metrics);
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
