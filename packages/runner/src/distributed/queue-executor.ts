/**
 * The coordinator's side of a distributed sweep: a TrialExecutor whose trials are BullMQ jobs that
 * agents on other machines run. The orchestrator above it is unchanged and stays the only SQLite
 * writer; reports come back as job progress, prune and cancel orders go out through Redis.
 */
import os from 'node:os';
import type { ReportListener, TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { isAgentLive, readAgents } from './agent-registry.js';
import { TRIAL_JOB, decodeProgress, decodeResult, encodeJobData, jobIdFor } from './job-data.js';
import { controlChannel, stopKey } from './keys.js';
import { checkWhole } from './check-options.js';
import { CoordinatorPresence } from './coordinator-presence.js';
import { bullConnection, checkReachable, openRedis } from './redis-client.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { sendAnswer, type ReportAnswerMessage } from './report-answer.js';
import type { StopOrder } from './stop-orders.js';
import { TrialFlight } from './trial-flight.js';

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

const DAY_SECONDS = 24 * 60 * 60;

export class QueueExecutor implements TrialExecutor {
  readonly #target: QueueTarget;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  readonly #client: Redis;
  readonly #flights = new Map<string, TrialFlight>();
  readonly #prefetch: number;
  readonly #keepSeconds: number;
  readonly #onError: (message: string) => void;
  readonly #onNotice: (line: string) => void;
  #saidNoAgents = false;
  readonly #timer: NodeJS.Timeout;
  #agents = { live: 0, slots: 0 };
  /** Named in each job: agents wait for answers to its reports only while this coordinator is there. */
  #presence: CoordinatorPresence | undefined;
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
      executor.#presence = await CoordinatorPresence.open(options.target, executor.#client, executor.#onError);
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
      // BullMQ moved the job back to the wait list (or failed it, after too many stalls).
      const flight = this.#flights.get(jobId);
      flight?.log(`agent ${flight.agent ?? '(not known yet)'} stopped answering (stalled): BullMQ hands the trial to another agent`);
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

  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle {
    const jobId = jobIdFor(task);
    if (this.#closed) return { done: Promise.resolve(cancelled('the executor is closed')), prune: () => undefined, cancel: () => undefined };
    const flight = this.#follow(jobId, onReport, onLog);
    // Same attempt, same job id: adding a job that is already there is a no-op (idempotent).
    this.#queue
      .add(TRIAL_JOB, encodeJobData(task, os.hostname(), this.#presence?.id), {
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

  async reattach(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): Promise<TrialHandle | undefined> {
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
    else {
      this.#releaseLastReports(jobId, job.progress);
      // An agent that takes it from now on waits for this coordinator's answers, not the dead one's.
      if (this.#presence) await job.updateData({ ...(job.data as object), presence: this.#presence.id }).catch(() => undefined);
    }
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
    await this.#presence?.close();
    await Promise.allSettled([this.#events.close(), this.#queue.close()]);
    await this.#client.quit().catch(() => this.#client.disconnect());
  }

  /**
   * A job taken over while an agent runs it: the reports of its last progress message may wait for
   * answers of the coordinator that died. This one never sees them live (they come with the
   * result), so it tells the agent to go on now instead of after its timeout.
   */
  #releaseLastReports(jobId: string, data: unknown): void {
    const last = decodeProgress(data);
    if (!last) return;
    for (let k = 0; k < last.reports.length; k++) this.#answer({ jobId, run: last.run, i: last.i + k, answer: 'continue' });
  }

  #answer(message: ReportAnswerMessage): void {
    void sendAnswer(this.#client, this.#target.name, message).catch((error: Error) => this.#onError(redactUrl(error.message)));
  }

  #follow(jobId: string, onReport: ReportListener, onLog: ((line: string) => void) | undefined): TrialFlight {
    const flight = new TrialFlight(jobId, onReport, onLog, (message) => this.#answer(message));
    this.#flights.set(jobId, flight);
    return flight;
  }

  #handle(flight: TrialFlight): TrialHandle {
    return {
      done: flight.done,
      prune: () => this.#stop(flight, { jobId: flight.jobId, action: 'prune' }),
      cancel: (reason: string) => this.#cancel(flight, reason),
    };
  }

  #settle(flight: TrialFlight, outcome: TrialOutcome): void {
    if (flight.end(outcome)) this.#flights.delete(flight.jobId);
  }

  #progress(jobId: string, data: unknown): void {
    const flight = this.#flights.get(jobId);
    const progress = flight ? decodeProgress(data) : undefined;
    if (flight && progress) flight.progress(progress);
  }

  #completed(jobId: string, returnvalue: unknown): void {
    const flight = this.#flights.get(jobId);
    if (!flight) return;
    const result = decodeResult(returnvalue);
    if (!result)
      return this.#settle(flight, { status: 'failed', kind: 'error', reason: `the job's result is unreadable: ${String(returnvalue).slice(0, 200)}` });
    flight.result(result);
    this.#flights.delete(jobId);
  }

  #failed(jobId: string, failedReason: string | undefined): void {
    const flight = this.#flights.get(jobId);
    if (!flight) return;
    const reason = failedReason ?? 'the job failed without a reason';
    // A job that stalled again after being taken again has lost two agents: a crash, retried by policy.
    const kind = /stalled/i.test(reason) ? 'crashed' : 'error';
    this.#settle(flight, { status: 'failed', kind, reason: `on the queue: ${reason}` });
  }

  #cancel(flight: TrialFlight, reason: string): void {
    if (flight.ended || flight.cancelReason !== undefined) return;
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
  #stop(flight: TrialFlight, order: StopOrder): void {
    if (flight.ended) return;
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
        this.#onNotice(
          `no live agent serves queue '${this.#target.name}' at ${this.#target.redactedUrl}: the trials wait until one does (\`sweep agent --queue …\` on a machine that can reach it)`,
        );
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
