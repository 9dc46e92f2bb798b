/**
 * An agent's side of the report round trip through Redis: each report of a trial waits here for
 * its coordinator's answer, which arrives on the agent's answer list (keys.answersKey). One
 * blocking connection serves every slot of the agent.
 *
 * A report never waits on an answer that cannot come. It goes on as if told 'continue':
 * - when its coordinator is gone (coordinator-presence.ts), checked for reports that have waited
 *   one `checkMs`: a coordinator missing at two checks in a row is dead, and its jobs' runs stop
 *   waiting (within about 2 × checkMs of a kill -9); if it shows up again (a Redis restart hid it
 *   for a moment), later reports wait for its answers again;
 * - when the agent's blocking connection reconnects, for the reports waiting then: a Redis restart
 *   without persistence may have lost their answers (or the progress they answer). A marker pushed
 *   onto the list after the reconnection lets the answers that did survive arrive first;
 * - when its progress message could not be sent (lost());
 * - after `timeoutMs` without an answer, and then the rest of that run stops waiting too: a stall
 *   costs one timeout per trial, not one per report.
 * A run that stopped waiting is what every report got before reports were a round trip: pruning
 * still reaches it through stop orders, at its next step.
 */
import type { ReportAnswer } from '@loopsweep/core';
import type { Redis } from 'ioredis';
import { isCoordinatorPresent } from './coordinator-presence.js';
import { answersKey } from './keys.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';
import { parseAnswer, type ReportAnswerMessage } from './report-answer.js';

interface Pending {
  readonly resolve: (answer: ReportAnswer) => void;
  readonly timer: NodeJS.Timeout;
  readonly since: number;
}

interface Waiting {
  readonly run: string;
  /** The coordinator named in the job's data; undefined for jobs of an older coordinator. */
  readonly presence: string | undefined;
  /** `<i>` → the report waiting for its answer. */
  readonly reports: Map<number, Pending>;
}

export interface AnswerInboxOptions {
  readonly target: QueueTarget;
  readonly agent: string;
  /** The agent's ordinary connection: presence checks and the reconnection marker. */
  readonly client: Redis;
  readonly timeoutMs: number;
  /** How often reports that waited this long have their coordinator checked. Default 250 ms. */
  readonly checkMs?: number;
  /** A run that stopped waiting for answers, and why (for the agent's owner and the trial's log). */
  readonly onGiveUp: (jobId: string, run: string, why: string) => void;
  readonly onError: (message: string) => void;
}

/** After a failed BLPOP (not a closed inbox), so that a refusing server is not asked in a tight loop. */
const RETRY_MS = 250;
const GONE = 'its coordinator is gone (stopped, killed or cut off): the trial goes on without waiting for answers';
/** Misses in a row before a coordinator counts as gone (a Redis restart drops its signs for a moment). */
const MISSES = 2;

export class AnswerInbox {
  /** jobId → its run's reports waiting for answers. */
  readonly #waiting = new Map<string, Waiting>();
  /** jobId → the run that no longer waits for answers; `presence` set when its coordinator seemed gone. */
  readonly #givenUp = new Map<string, { readonly run: string; readonly presence?: string }>();
  /** Coordinator id → missed checks in a row. */
  readonly #misses = new Map<string, number>();
  readonly #key: string;
  readonly #checker: NodeJS.Timeout;
  #checking = false;
  /** Markers pushed after a reconnection: token → the reports waiting when it reconnected. */
  readonly #markers = new Map<string, [string, number][]>();
  #markerCount = 0;
  #closed = false;
  readonly #loop: Promise<void>;

  private constructor(
    private readonly options: AnswerInboxOptions,
    private readonly blocking: Redis,
  ) {
    this.#key = answersKey(options.target.name, options.agent);
    this.#checker = setInterval(() => void this.#check(), options.checkMs ?? 250);
    this.#checker.unref();
    // The first 'ready' came before open() returned: each one now is a reconnection.
    blocking.on('ready', () => this.#reconnected());
    this.#loop = this.#receive();
  }

  /**
   * Opens the agent's blocking connection and empties its list: answers left there belong to an
   * earlier agent of this name, whose runs this one never continues.
   * @throws {Error} (rejects) when Redis refuses the DEL.
   */
  static async open(options: AnswerInboxOptions): Promise<AnswerInbox> {
    const blocking = openRedis(options.target, options.onError);
    try {
      await blocking.del(answersKey(options.target.name, options.agent));
    } catch (error) {
      blocking.disconnect();
      throw error;
    }
    return new AnswerInbox(options, blocking);
  }

  /**
   * Resolves to the coordinator's answer to report `i` of `run` of `jobId`, or to 'continue' when
   * no answer can come (see the top of this file). `presence`: the coordinator named in the job.
   */
  wait(jobId: string, run: string, i: number, presence?: string): Promise<ReportAnswer> {
    if (this.#closed || this.#givenUp.get(jobId)?.run === run) return Promise.resolve('continue');
    if (presence !== undefined && (this.#misses.get(presence) ?? 0) >= MISSES) {
      this.#giveUp(jobId, run, GONE, presence);
      return Promise.resolve('continue');
    }
    let waiting = this.#waiting.get(jobId);
    if (waiting?.run !== run) {
      this.release(jobId); // an earlier run's reports: it has lost the job
      this.#waiting.set(jobId, (waiting = { run, presence, reports: new Map() }));
    }
    const reports = waiting.reports;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#giveUp(
          jobId,
          run,
          `no answer from the coordinator to report ${i + 1} of run ${run} within ${this.options.timeoutMs / 1000} s: the trial goes on without waiting for answers (is the coordinator still running?)`,
        );
      }, this.options.timeoutMs);
      timer.unref();
      reports.set(i, { resolve, timer, since: Date.now() });
    });
  }

  /** Reports `from` … `from + count - 1` of the run were never sent: no answer can come for them. */
  lost(jobId: string, run: string, from: number, count: number): void {
    for (let i = from; i < from + count; i++) this.#answer(jobId, run, i, 'continue');
  }

  /** Answers every report of the job still waiting with 'continue' and forgets the job: its trial has ended. */
  release(jobId: string): void {
    const waiting = this.#waiting.get(jobId);
    this.#waiting.delete(jobId);
    this.#givenUp.delete(jobId);
    for (const pending of waiting?.reports.values() ?? []) {
      clearTimeout(pending.timer);
      pending.resolve('continue');
    }
  }

  /** Releases every waiting report and disconnects (which ends the pending BLPOP). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#checker);
    for (const jobId of [...this.#waiting.keys()]) this.release(jobId);
    this.blocking.disconnect();
    await this.#loop;
  }

  async #receive(): Promise<void> {
    while (!this.#closed) {
      try {
        const popped = await this.blocking.blpop(this.#key, 0);
        if (popped) this.#deliver(popped[1]);
      } catch (error) {
        if (this.#closed) return;
        this.options.onError(redactUrl((error as Error).message));
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /** An answer nobody waits for (an earlier run's, one that came after the timeout) is dropped. */
  #deliver(text: string): void {
    const marker = parseMarker(text);
    if (marker !== undefined) return this.#releaseMarked(marker);
    const message: ReportAnswerMessage | undefined = parseAnswer(text);
    if (message) this.#answer(message.jobId, message.run, message.i, message.answer);
  }

  #answer(jobId: string, run: string, i: number, answer: ReportAnswer): void {
    const waiting = this.#waiting.get(jobId);
    const pending = waiting?.run === run ? waiting.reports.get(i) : undefined;
    if (!waiting || !pending) return;
    waiting.reports.delete(i);
    clearTimeout(pending.timer);
    pending.resolve(answer);
  }

  /** This run stops waiting: its reports waiting now, and those to come, go on at once. */
  #giveUp(jobId: string, run: string, why: string, presence?: string): void {
    if (this.#givenUp.get(jobId)?.run === run) return;
    const waiting = this.#waiting.get(jobId);
    if (waiting?.run === run) {
      this.#waiting.delete(jobId);
      for (const pending of waiting.reports.values()) {
        clearTimeout(pending.timer);
        pending.resolve('continue');
      }
    }
    this.#givenUp.set(jobId, presence === undefined ? { run } : { run, presence });
    this.options.onGiveUp(jobId, run, why);
  }

  /**
   * The blocking connection is back. Answers pushed before a restart that kept its data are still
   * in the list, ahead of the marker pushed now; whatever still waits when the marker arrives was
   * lost with the restart.
   */
  #reconnected(): void {
    if (this.#closed) return;
    const waiting = [...this.#waiting.entries()].flatMap(([jobId, w]) => [...w.reports.keys()].map((i): [string, number] => [jobId, i]));
    if (waiting.length === 0) return;
    const token = `${process.pid}-${++this.#markerCount}`;
    this.#markers.set(token, waiting);
    this.options.client
      .multi()
      .rpush(this.#key, JSON.stringify({ marker: token }))
      .expire(this.#key, 60 * 60)
      .exec()
      .then(
        (replies) => {
          if (!replies || replies.some(([error]) => error)) this.#releaseMarked(token);
        },
        () => this.#releaseMarked(token),
      );
  }

  #releaseMarked(token: string): void {
    const marked = this.#markers.get(token);
    this.#markers.delete(token);
    for (const [jobId, i] of marked ?? []) {
      const run = this.#waiting.get(jobId)?.run;
      if (run !== undefined) this.#answer(jobId, run, i, 'continue');
    }
  }

  /**
   * Asks after the coordinators of reports that have waited at least one check interval, and of
   * runs that stopped waiting because theirs seemed gone: one that is back (a Redis restart hid it
   * for a moment) gets its runs' round trips again.
   */
  async #check(): Promise<void> {
    if (this.#checking || this.#closed) return;
    const since = Date.now() - (this.options.checkMs ?? 250);
    const coordinators = new Set<string>();
    for (const waiting of this.#waiting.values()) {
      if (waiting.presence !== undefined && [...waiting.reports.values()].some((p) => p.since <= since)) coordinators.add(waiting.presence);
    }
    for (const given of this.#givenUp.values()) if (given.presence !== undefined) coordinators.add(given.presence);
    if (coordinators.size === 0) return;
    this.#checking = true;
    try {
      for (const id of coordinators) {
        const present = await isCoordinatorPresent(this.options.client, this.options.target.name, id);
        const misses = present ? 0 : (this.#misses.get(id) ?? 0) + 1;
        this.#misses.set(id, misses);
        if (present) {
          this.#misses.delete(id);
          for (const [jobId, given] of [...this.#givenUp.entries()]) if (given.presence === id) this.#givenUp.delete(jobId);
        }
        if (misses < MISSES) continue;
        for (const [jobId, waiting] of [...this.#waiting.entries()]) if (waiting.presence === id) this.#giveUp(jobId, waiting.run, GONE, id);
      }
    } catch (error) {
      this.options.onError(redactUrl((error as Error).message));
    } finally {
      this.#checking = false;
    }
  }
}

function parseMarker(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { marker?: unknown };
    return typeof parsed.marker === 'string' ? parsed.marker : undefined;
  } catch {
    return undefined;
  }
}
