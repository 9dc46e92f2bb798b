/**
 * An agent's side of one trial's progress: reports and log lines are gathered and sent as one job
 * progress message per turn of the event loop (each message is a Redis round trip, and an event
 * every coordinator on the queue reads). What is still unsent when the trial ends travels in the
 * job's result instead.
 */
import type { AgentIdentity, TrialProgress, WireReport } from './job-data.js';

interface Pending {
  i: number;
  reports: WireReport[];
  logs: string[];
}

export class ProgressBatcher {
  readonly #reports: WireReport[] = [];
  #pending: Pending | undefined;
  #introduced = false;
  /** Writes go out in order on one connection: the last one settling means all have. */
  #lastWrite: Promise<unknown> = Promise.resolve();

  /**
   * @param run this execution of the job (`<agent>#<start count>`).
   * @param write sends one message (job.updateProgress); it must not reject.
   */
  constructor(
    private readonly run: string,
    private readonly identity: AgentIdentity,
    private readonly write: (progress: TrialProgress) => Promise<unknown>,
  ) {}

  /** Queues a report; returns its index within the run (what the coordinator's answer names). */
  report(step: number, metrics: Readonly<Record<string, number>>): number {
    const report = { step, metrics };
    this.#batch().reports.push(report);
    this.#reports.push(report);
    return this.#reports.length - 1;
  }

  log(line: string): void {
    this.#batch().logs.push(line);
  }

  /** Stops sending; resolves, once the messages already sent are written, to every report and the unsent log lines. */
  async finish(): Promise<{ reports: readonly WireReport[]; logs: readonly string[] }> {
    const unsent = this.#pending;
    this.#pending = undefined;
    await this.#lastWrite;
    return { reports: this.#reports, logs: unsent?.logs ?? [] };
  }

  #batch(): Pending {
    if (!this.#pending) {
      this.#pending = { i: this.#reports.length, reports: [], logs: [] };
      setImmediate(() => this.#flush());
    }
    return this.#pending;
  }

  #flush(): void {
    const batch = this.#pending;
    this.#pending = undefined;
    if (!batch) return;
    // The run's first message says who runs it.
    const progress: TrialProgress = { run: this.run, ...(this.#introduced ? {} : { agent: this.identity }), ...batch };
    this.#introduced = true;
    this.#lastWrite = this.write(progress);
  }
}
