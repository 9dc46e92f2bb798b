/**
 * A coordinator's order about one job's trial (prune it, cancel it), sent to agents through Redis:
 * published on the queue's control channel, and kept in a key for an agent that was disconnected
 * when it was published or took the job just after.
 */
import type { TrialHandle } from '@loopsweep/core';
import type { Redis } from 'ioredis';
import { controlChannel, stopKey } from './keys.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';

export interface StopOrder {
  readonly jobId: string;
  readonly action: 'prune' | 'cancel';
  /** Cancel: why, in the words the trial's record will show. */
  readonly reason?: string;
}

export function parseStopOrder(text: string | null): StopOrder | undefined {
  if (!text) return undefined;
  try {
    const order = JSON.parse(text) as StopOrder;
    return typeof order.jobId === 'string' && (order.action === 'prune' || order.action === 'cancel') ? order : undefined;
  } catch {
    return undefined;
  }
}

/** An agent's ear for stop orders: it applies each to the trial of the job it names, if it runs it. */
export class StopOrderListener {
  readonly #handles = new Map<string, TrialHandle>();

  private constructor(
    private readonly target: QueueTarget,
    private readonly client: Redis,
    private readonly subscriber: Redis,
    private readonly onError: (message: string) => void,
  ) {
    subscriber.on('message', (_channel: string, text: string) => this.#obey(parseStopOrder(text)));
    // After a reconnection: orders published meanwhile were missed, but their keys remain.
    subscriber.on('ready', () => {
      for (const jobId of this.#handles.keys()) this.#readStored(jobId);
    });
  }

  /** Subscribes (its own connection); `client` reads the stored orders. */
  static async listen(target: QueueTarget, client: Redis, onError: (message: string) => void): Promise<StopOrderListener> {
    const subscriber = openRedis(target, onError);
    const listener = new StopOrderListener(target, client, subscriber, onError);
    try {
      await subscriber.subscribe(controlChannel(target.name));
    } catch (error) {
      subscriber.disconnect();
      throw error;
    }
    return listener;
  }

  /** Applies orders for `jobId` to `handle` from now on, and any order given before. */
  follow(jobId: string, handle: TrialHandle): void {
    this.#handles.set(jobId, handle);
    this.#readStored(jobId);
  }

  forget(jobId: string): void {
    this.#handles.delete(jobId);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  #readStored(jobId: string): void {
    this.client.get(stopKey(this.target.name, jobId)).then(
      (text) => this.#obey(parseStopOrder(text)),
      (error: Error) => this.onError(redactUrl(error.message)),
    );
  }

  #obey(order: StopOrder | undefined): void {
    const handle = order ? this.#handles.get(order.jobId) : undefined;
    if (!order || !handle) return;
    if (order.action === 'prune') handle.prune();
    else handle.cancel(order.reason ?? 'cancelled by its coordinator');
  }
}
