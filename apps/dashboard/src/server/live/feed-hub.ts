/**
 * Every live stream of one server: a feed per watched sweep (made on its first client, dropped
 * after its last), the sweeps-list feed, one poll timer and one heartbeat timer for all of them.
 */
import type { ChangeCursor, SweepReader } from '@loopsweep/store';
import type { SseClient } from './sse-client.js';
import { SweepFeed } from './sweep-feed.js';
import { SweepsFeed } from './sweeps-feed.js';

export interface FeedHubOptions {
  /** How often the database is polled for changes. */
  readonly pollMs: number;
  /** How often an idle stream gets a comment line. */
  readonly heartbeatMs: number;
  /** A client resuming further behind than this many metric values gets a `reset`. */
  readonly maxCatchUpMetrics: number;
  /** Told about a poll that failed (the next one tries again). */
  readonly onError: (error: unknown) => void;
}

export class FeedHub {
  readonly #reader: SweepReader;
  readonly #options: FeedHubOptions;
  readonly #feeds = new Map<string, SweepFeed>();
  readonly #list: SweepsFeed;
  readonly #clients = new Set<SseClient>();
  readonly #timers: NodeJS.Timeout[];

  constructor(reader: SweepReader, options: FeedHubOptions) {
    this.#reader = reader;
    this.#options = options;
    this.#list = new SweepsFeed(reader);
    this.#timers = [setInterval(() => this.#poll(), options.pollMs), setInterval(() => this.#heartbeat(), options.heartbeatMs)];
    // The HTTP server keeps the process alive while it listens; the timers alone must not.
    for (const timer of this.#timers) timer.unref();
  }

  /** Streams `sweep`'s changes to `client` from `from` (or from now). @throws {StoreError} when the database cannot be read. */
  watchSweep(sweep: string, client: SseClient, from: ChangeCursor | undefined): void {
    let feed = this.#feeds.get(sweep);
    if (feed === undefined) {
      feed = new SweepFeed(this.#reader, sweep, this.#reader.cursor(sweep) ?? { trialUpdatedAt: 0, metricId: 0, eventId: 0 }, this.#options.maxCatchUpMetrics);
      this.#feeds.set(sweep, feed);
    }
    const joined = feed;
    this.#track(client, () => {
      joined.remove(client);
      if (joined.clientCount === 0 && this.#feeds.get(sweep) === joined) this.#feeds.delete(sweep);
    });
    joined.add(client, from);
  }

  /** Streams the sweeps list to `client`. @throws {StoreError} when the database cannot be read. */
  watchSweeps(client: SseClient): void {
    this.#track(client, () => this.#list.remove(client));
    this.#list.add(client);
  }

  /** How many feeds are polling (one per watched sweep): for tests and diagnostics. */
  get sweepFeeds(): number {
    return this.#feeds.size;
  }

  /** Stops the timers and ends every stream. */
  close(): void {
    for (const timer of this.#timers) clearInterval(timer);
    for (const client of [...this.#clients]) client.close();
  }

  #track(client: SseClient, leave: () => void): void {
    this.#clients.add(client);
    client.onClose(() => {
      this.#clients.delete(client);
      leave();
    });
  }

  #poll(): void {
    for (const feed of [this.#list, ...this.#feeds.values()]) {
      try {
        feed.tick();
      } catch (error) {
        this.#options.onError(error);
      }
    }
  }

  #heartbeat(): void {
    for (const client of this.#clients) client.heartbeat();
  }
}
