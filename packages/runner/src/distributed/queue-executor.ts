/**
 * The coordinator's side of a distributed sweep: a TrialExecutor whose trials are BullMQ jobs that
 * agents on other machines run. The orchestrator above it is unchanged and stays the only SQLite
 * writer; reports come back as job progress, prune and cancel orders go out through Redis.
 */
import os from 'node:os';
import type { TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { isAgentLive, readAgents } from './agent-registry.js';
import { TRIAL_JOB, decodeProgress, decodeResult, encodeJobData, jobIdFor, type AgentIdentity } from './job-data.js';
import { controlChannel, stopKey } from './keys.js';
import { checkWhole } from './check-options.js';
import { bullConnection, checkReachable, openRedis } from './redis-client.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import type { StopOrder } from './stop-orders.js';

export interface QueueExecutorOptions {
  readonly target: QueueTarget;
  /** How often live agents are counted and unfinished jobs are checked in Redis. Default 2 s. */
  readonly pollMs?: number;
  /**
   * Trials kept queued beyond the live agents' slots, so that an agent that finishes a trial finds
   * the next one waiting instead of waiting one round trip for it. Default 1.
   */
  readonly prefetch?: number;
  /** How long finished jobs stay in Redis for a coordinator that was killed and resumes. Default 7 days. */
  readonly keepSeconds?: number;
  /** Redis errors (connection lost, and so on), already redacted. */
  readonly onError?: (message: string) => void;
  /** Words for the user about the queue, e.g. that no agent serves it while trials wait. */
  readonly onNotice?: (line: string) => void;
}

type ReportFn = (step: number, metrics: Readonly<Record<string, number>>) => void;

/** One job the coordinator follows until its outcome is known. */
interface Flight {
  readonly jobId: string;
  readonly onReport: ReportFn;
  readonly onLog: ((line: string) => void) | undefined;
  readonly done: Promise<TrialOutcome>;
  readonly resolve: (outcome: TrialOutcome) => void;
  /** The run (execution of the job by one agent) whose reports are being delivered. */
  run?: string;
  seq: number;
  /** The name of the agent running that run, once known. */
  agent?: string;
  /** Reports of that run already handed to onReport. */
  delivered: number;
  /** A report went missing (events lost while disconnected): the rest come from the result. */
  behind: boolean;
  /** Enqueued (or found) in Redis: only then may its absence mean it vanished. */
  added: boolean;
  cancelReason?: string;
}

const DAY_SECONDS = 24 * 60 * 60;

export class QueueExecutor implements TrialExecutor {
  readonly #target: QueueTarget;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  readonly #client: Redis;
  readonly #flights = new Map<string, Flight>();
  readonly #prefetch: number;
  readonly #keepSeconds: number;
  readonly #onError: (message: string) => void;
  readonly #onNotice: (line: string) => void;
  #saidNoAgents = false;
  readonly #timer: NodeJS.Timeout;
  #agents = { live: 0, slots: 0 };
  #polling = false;
  #closed = false;

  /**
   * Connects to the queue, waits until its event stream is read, and counts the live agents.
   * @throws {RangeError} for an option out of range (before connecting).
   * @throws {QueueError} when Redis cannot be reached or refuses the login.
   */
  static async open(options: QueueExecutorOptions): Promise<QueueExecutor> {
    checkWhole('pollMs', options.pollMs, 1);
    checkWhole('prefetch', options.prefetch, 0);
    checkWhole('keepSeconds', options.keepSeconds, 1);
    await checkReachable(options.target);
    const executor = new QueueExecutor(options);
    try {
      await Promise.all([executor.#queue.waitUntilReady(), executor.#events.waitUntilReady()]);
      await executor.#countAgents();
    } catch (error) {
      await executor.close();
      throw error;
    }
    return executor;
  }

  private constructor(options: QueueExecutorOptions) {
    this.#target = options.target;
    this.#prefetch = options.prefetch ?? 1;
    this.#keepSeconds = options.keepSeconds ?? 7 * DAY_SECONDS;
    this.#onError = options.onError ?? (() => undefined);
    this.#onNotice = options.onNotice ?? (() => undefined);
    const report = (error: Error) => this.#onError(redactUrl(error.message));
    this.#queue = new Queue(options.target.name, { connection: bullConnection(options.target) });
    this.#queue.on('error', report);
    this.#events = new QueueEvents(options.target.name, { connection: bullConnection(options.target) });
    this.#events.on('error', report);
    this.#client = openRedis(options.target, this.#onError);
    this.#events.on('progress', ({ jobId, data }) => this.#progress(jobId, data));
    this.#events.on('completed', ({ jobId, returnvalue }) => this.#completed(jobId, returnvalue));
    this.#events.on('failed', ({ jobId, failedReason }) => this.#failed(jobId, failedReason));
    this.#events.on('stalled', ({ jobId }) => {
      const flight = this.#flights.get(jobId);
      // BullMQ moved the job back to the wait list (or failed it, after too many stalls).
      flight?.onLog?.(`agent ${flight.agent ?? '(not known yet)'} stopped answering (stalled): BullMQ hands the trial to another agent`);
    });
    this.#timer = setInterval(() => void this.#poll(), options.pollMs ?? 2_000);
    this.#timer.unref();
  }

  /** The live agents' slots (at least 1, so that a sweep waits for its first agent) plus the prefetch. */
  get slots(): number {
    return Math.max(1, this.#agents.slots) + this.#prefetch;
  }

  get description(): string {
    const { live, slots } = this.#agents;
    return `queue '${this.#target.name}' at ${this.#target.redactedUrl} (${live} agent${live === 1 ? '' : 's'}, ${slots} slot${slots === 1 ? '' : 's'} now)`;
  }

  start(task: TrialTask, onReport: ReportFn, onLog?: (line: string) => void): TrialHandle {
    const jobId = jobIdFor(task);
    if (this.#closed) return { done: Promise.resolve(cancelled('the executor is closed')), prune: () => undefined, cancel: () => undefined };
    const flight = this.#follow(jobId, onReport, onLog);
    // Same attempt, same job id: adding a job that is already there is a no-op (idempotent).
    this.#queue
      .add(TRIAL_JOB, encodeJobData(task, os.hostname()), {
        jobId,
        attempts: 1,
        removeOnComplete: { age: this.#keepSeconds },
        removeOnFail: { age: this.#keepSeconds },
      })
      .then(
        () => {
          flight.added = true;
        },
        (error: Error) => this.#settle(flight, { status: 'failed', kind: 'crashed', reason: `could not enqueue the trial: ${redactUrl(error.message)}` }),
      );
    return this.#handle(flight);
  }

  async reattach(task: TrialTask, onReport: ReportFn, onLog?: (line: string) => void): Promise<TrialHandle | undefined> {
    const jobId = jobIdFor(task);
    const job = await Job.fromId(this.#queue, jobId);
    if (!job) return undefined;
    const state = await job.getState();
    if (state === 'unknown') return undefined;
    const flight = this.#follow(jobId, onReport, onLog);
    flight.added = true;
    // After start() has returned (the TrialExecutor contract): replay a result that waited for us.
    if (state === 'completed') setImmediate(() => this.#completed(jobId, job.returnvalue));
    else if (state === 'failed') setImmediate(() => this.#failed(jobId, job.failedReason));
    return this.#handle(flight);
  }

  /** Cancels every trial still followed (agents are told to stop them) and disconnects. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    for (const flight of [...this.#flights.values()]) {
      this.#stop(flight, { jobId: flight.jobId, action: 'cancel', reason: 'the coordinator was closed' });
      this.#settle(flight, cancelled('the executor was closed'));
    }
    await Promise.allSettled([this.#events.close(), this.#queue.close()]);
    await this.#client.quit().catch(() => this.#client.disconnect());
  }

  #follow(jobId: string, onReport: ReportFn, onLog: ((line: string) => void) | undefined): Flight {
    let resolve!: (outcome: TrialOutcome) => void;
    const done = new Promise<TrialOutcome>((r) => (resolve = r));
    const flight: Flight = { jobId, onReport, onLog, done, resolve, seq: 0, delivered: 0, behind: false, added: false };
    this.#flights.set(jobId, flight);
    return flight;
  }

  #handle(flight: Flight): TrialHandle {
    return {
      done: flight.done,
      prune: () => this.#stop(flight, { jobId: flight.jobId, action: 'prune' }),
      cancel: (reason: string) => this.#cancel(flight, reason),
    };
  }

  #settle(flight: Flight, outcome: TrialOutcome): void {
    if (this.#flights.get(flight.jobId) !== flight) return; // already settled: a result counts once
    this.#flights.delete(flight.jobId);
    flight.resolve(outcome);
  }

  #progress(jobId: string, data: unknown): void {
    const flight = this.#flights.get(jobId);
    const progress = flight ? decodeProgress(data) : undefined;
    if (!flight || !progress) return;
    if (progress.run !== flight.run && !this.#newRun(flight, progress.run)) return;
    if (progress.agent) this.#taken(flight, progress.agent);
    for (const line of progress.logs) flight.onLog?.(line);
    for (const [k, report] of progress.reports.entries()) {
      const index = progress.i + k;
      if (flight.behind || index > flight.delivered) {
        flight.behind = true;
        return;
      }
      if (index < flight.delivered) continue;
      flight.delivered += 1;
      flight.onReport(report.step, report.metrics);
    }
  }

  /** Follows the run `run` from now on; false for a late message of an agent that lost the job. */
  #newRun(flight: Flight, run: string): boolean {
    const seq = Number(run.slice(run.lastIndexOf('#') + 1));
    if (seq < flight.seq) return false;
    Object.assign(flight, { run, seq, delivered: 0, behind: false });
    return true;
  }

  #taken(flight: Flight, agent: AgentIdentity): void {
    flight.agent = agent.name;
    flight.onLog?.(`agent ${agent.name} on ${agent.host} took it${flight.seq > 1 ? ` (run ${flight.seq}: the job was taken again)` : ''}`);
  }

  #completed(jobId: string, returnvalue: unknown): void {
    const flight = this.#flights.get(jobId);
    if (!flight) return;
    const result = decodeResult(returnvalue);
    if (!result) return this.#settle(flight, { status: 'failed', kind: 'error', reason: `the job's result is unreadable: ${String(returnvalue).slice(0, 200)}` });
    // Reports the events did not deliver (a gap, a resumed coordinator, another run) come from the result.
    if (result.run !== flight.run) {
      // Only the agent holding the job's lock can complete it: its run is the one that counts.
      Object.assign(flight, { run: result.run, seq: Number(result.run.slice(result.run.lastIndexOf('#') + 1)), delivered: 0, behind: false });
      this.#taken(flight, result.agent);
    }
    for (const line of result.logs) flight.onLog?.(line);
    for (const report of result.reports.slice(flight.delivered)) flight.onReport(report.step, report.metrics);
    this.#settle(flight, result.outcome);
  }

  #failed(jobId: string, failedReason: string | undefined): void {
    const flight = this.#flights.get(jobId);
    if (!flight) return;
    const reason = failedReason ?? 'the job failed without a reason';
    // A job that stalled again after being taken again has lost two agents: a crash, retried by policy.
    const kind = /stalled/i.test(reason) ? 'crashed' : 'error';
    this.#settle(flight, { status: 'failed', kind, reason: `on the queue: ${reason}` });
  }

  #cancel(flight: Flight, reason: string): void {
    if (this.#flights.get(flight.jobId) !== flight || flight.cancelReason !== undefined) return;
    flight.cancelReason = reason;
    this.#stop(flight, { jobId: flight.jobId, action: 'cancel', reason });
    // A job no agent has taken yet is simply taken off the queue (remove() refuses a locked job).
    void this.#queue.remove(flight.jobId).then(
      (removed) => {
        if (removed === 1) this.#settle(flight, cancelled(reason));
      },
      () => undefined,
    );
  }

  /** Publishes a stop order and keeps it in a key, for an agent that misses the message. */
  #stop(flight: Flight, order: StopOrder): void {
    if (this.#flights.get(flight.jobId) !== flight) return;
    const text = JSON.stringify(order);
    void this.#client
      .multi()
      .set(stopKey(this.#target.name, flight.jobId), text, 'EX', DAY_SECONDS)
      .publish(controlChannel(this.#target.name), text)
      .exec()
      .catch((error: Error) => this.#onError(redactUrl(error.message)));
  }

  async #countAgents(): Promise<void> {
    const live = (await readAgents(this.#client, this.#target.name)).filter((agent) => isAgentLive(agent));
    this.#agents = { live: live.length, slots: live.reduce((sum, agent) => sum + agent.slots, 0) };
  }

  /**
   * Every poll: count agents, and look up each followed job in Redis, so that an event lost while
   * disconnected (or trimmed from the stream) never leaves a trial waiting forever.
   */
  async #poll(): Promise<void> {
    if (this.#polling || this.#closed) return;
    this.#polling = true;
    try {
      await this.#countAgents();
      if (this.#agents.live > 0) this.#saidNoAgents = false;
      else if (this.#flights.size > 0 && !this.#saidNoAgents) {
        this.#saidNoAgents = true;
        this.#onNotice(`no live agent serves queue '${this.#target.name}' at ${this.#target.redactedUrl}: the trials wait until one does (\`sweep agent --queue …\` on a machine that can reach it)`);
      }
      for (const flight of [...this.#flights.values()]) {
        if (!flight.added) continue;
        const job = await Job.fromId(this.#queue, flight.jobId);
        if (!job) {
          // Taken off the queue by cancel() (its own settle may still be on its way), or lost by Redis.
          this.#settle(flight, cancelled(flight.cancelReason ?? 'its job vanished from Redis (was Redis restarted without persistence?)'));
          continue;
        }
        if (job.finishedOn === undefined) continue;
        const state = await job.getState();
        if (state === 'completed') this.#completed(flight.jobId, job.returnvalue);
        else if (state === 'failed') this.#failed(flight.jobId, job.failedReason);
      }
    } catch (error) {
      this.#onError(redactUrl((error as Error).message));
    } finally {
      this.#polling = false;
    }
  }
}

function cancelled(reason: string): TrialOutcome {
  return { status: 'failed', kind: 'cancelled', reason };
}
