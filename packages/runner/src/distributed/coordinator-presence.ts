/**
 * Whether the coordinator that enqueued a job is still there to answer its reports.
 *
 * Two signs, both needed: a subscription to the coordinator's own channel (Redis drops it the
 * moment the coordinator's connection closes: a kill -9, a crash, a Ctrl-C) and a key it refreshes
 * every `refreshMs` with a TTL of `ttlMs` (gone after a silent death: power lost, network cut, where
 * Redis keeps the dead connection until TCP keepalive gives up, minutes later). An agent asks both
 * in one round trip, only for reports that have waited a while.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';
import { presenceChannel, presenceKey } from './keys.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';

export class CoordinatorPresence {
  readonly #timer: NodeJS.Timeout;
  readonly #refreshOnReady: () => void;

  private constructor(
    /** Named in each job's data (TrialJobData.presence). */
    readonly id: string,
    private readonly target: QueueTarget,
    private readonly client: Redis,
    private readonly subscriber: Redis,
    private readonly ttlMs: number,
    refreshMs: number,
    private readonly onError: (message: string) => void,
  ) {
    this.#timer = setInterval(() => void this.#refresh(), refreshMs);
    this.#timer.unref();
    // After a Redis restart without persistence the key is gone: write it again at once.
    this.#refreshOnReady = () => void this.#refresh();
    client.on('ready', this.#refreshOnReady);
  }

  /**
   * Subscribes (a connection of its own) and writes the key; `client` refreshes it.
   * @throws {Error} (rejects) when Redis refuses either.
   */
  static async open(target: QueueTarget, client: Redis, onError: (message: string) => void, refreshMs = 2_000, ttlMs = 10_000): Promise<CoordinatorPresence> {
    const id = `${os.hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const subscriber = openRedis(target, onError);
    try {
      await subscriber.subscribe(presenceChannel(target.name, id));
      await client.set(presenceKey(target.name, id), '1', 'PX', ttlMs);
    } catch (error) {
      subscriber.disconnect();
      throw error;
    }
    return new CoordinatorPresence(id, target, client, subscriber, ttlMs, refreshMs, onError);
  }

  /** Withdraws both signs: agents stop waiting for answers of this coordinator. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.client.off('ready', this.#refreshOnReady);
    await this.client.del(presenceKey(this.target.name, this.id)).catch(() => undefined);
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  async #refresh(): Promise<void> {
    await this.client.set(presenceKey(this.target.name, this.id), '1', 'PX', this.ttlMs).catch((error: Error) => this.onError(redactUrl(error.message)));
  }
}

/**
 * True while coordinator `id` is subscribed to its channel and its key lives.
 * @throws {Error} (rejects) when Redis refuses the commands.
 */
export async function isCoordinatorPresent(client: Redis, queue: string, id: string): Promise<boolean> {
  const replies = await client.multi().pubsub('NUMSUB', presenceChannel(queue, id)).exists(presenceKey(queue, id)).exec();
  const failed = replies?.find(([error]) => error);
  if (!replies || failed) throw (failed?.[0] as Error | undefined) ?? new Error('the presence check was aborted');
  const numsub = replies[0]?.[1] as [string, number] | undefined;
  return Number(numsub?.[1] ?? 0) > 0 && replies[1]?.[1] === 1;
}
