/**
 * An agent's side of the report round trip through Redis: each report of a trial waits here for
 * its coordinator's answer, which arrives on the agent's answer list (keys.answersKey). One
 * blocking connection serves every slot of the agent.
 *
 * Why a timeout: a coordinator that died, or an answer lost with a Redis restart without
 * persistence, must not hold a trial forever; after `timeoutMs` the report is answered 'continue',
 * which is what every report got before reports were a round trip.
 */
import type { ReportAnswer } from '@loopsweep/core';
import type { Redis } from 'ioredis';
import { answersKey } from './keys.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';
import { parseAnswer, type ReportAnswerMessage } from './report-answer.js';

interface Pending {
  readonly resolve: (answer: ReportAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

/** After a failed BLPOP (not a closed inbox), so that a refusing server is not asked in a tight loop. */
const RETRY_MS = 250;

export class AnswerInbox {
  /** jobId → `<run>/<i>` → the report waiting for its answer. */
  readonly #pending = new Map<string, Map<string, Pending>>();
  readonly #key: string;
  #closed = false;
  readonly #loop: Promise<void>;

  private constructor(
    target: QueueTarget,
    agent: string,
    private readonly blocking: Redis,
    private readonly timeoutMs: number,
    private readonly onTimeout: (jobId: string, run: string, i: number) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.#key = answersKey(target.name, agent);
    this.#loop = this.#receive();
  }

  /**
   * Opens the agent's blocking connection and empties its list: answers left there belong to an
   * earlier agent of this name, whose runs this one never continues.
   * @throws {Error} (rejects) when Redis refuses the DEL.
   */
  static async open(target: QueueTarget, agent: string, timeoutMs: number, onTimeout: (jobId: string, run: string, i: number) => void, onError: (message: string) => void): Promise<AnswerInbox> {
    const blocking = openRedis(target, onError);
    try {
      await blocking.del(answersKey(target.name, agent));
    } catch (error) {
      blocking.disconnect();
      throw error;
    }
    return new AnswerInbox(target, agent, blocking, timeoutMs, onTimeout, onError);
  }

  /** Resolves to the coordinator's answer to report `i` of `run` of `jobId`, or 'continue' after the timeout or a release. */
  wait(jobId: string, run: string, i: number): Promise<ReportAnswer> {
    if (this.#closed) return Promise.resolve('continue');
    return new Promise((resolve) => {
      const id = `${run}/${i}`;
      const timer = setTimeout(() => {
        this.#take(jobId, id);
        this.onTimeout(jobId, run, i);
        resolve('continue');
      }, this.timeoutMs);
      timer.unref();
      let reports = this.#pending.get(jobId);
      if (!reports) this.#pending.set(jobId, (reports = new Map()));
      reports.set(id, { resolve, timer });
    });
  }

  /** Answers every report of the job still waiting with 'continue': its trial has ended. */
  release(jobId: string): void {
    const reports = this.#pending.get(jobId);
    this.#pending.delete(jobId);
    for (const pending of reports?.values() ?? []) {
      clearTimeout(pending.timer);
      pending.resolve('continue');
    }
  }

  /** Releases every waiting report and disconnects (which ends the pending BLPOP). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const jobId of [...this.#pending.keys()]) this.release(jobId);
    this.blocking.disconnect();
    await this.#loop;
  }

  async #receive(): Promise<void> {
    while (!this.#closed) {
      try {
        const popped = await this.blocking.blpop(this.#key, 0);
        if (popped) this.#deliver(parseAnswer(popped[1]));
      } catch (error) {
        if (this.#closed) return;
        this.onError(redactUrl((error as Error).message));
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /** An answer nobody waits for (an earlier run's, one that came after the timeout) is dropped. */
  #deliver(message: ReportAnswerMessage | undefined): void {
    if (!message) return;
    const pending = this.#take(message.jobId, `${message.run}/${message.i}`);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.resolve(message.answer);
  }

  #take(jobId: string, id: string): Pending | undefined {
    const reports = this.#pending.get(jobId);
    const pending = reports?.get(id);
    reports?.delete(id);
    if (reports?.size === 0) this.#pending.delete(jobId);
    return pending;
  }
}
