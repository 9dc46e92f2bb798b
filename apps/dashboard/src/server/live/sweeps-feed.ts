/**
 * The live sweeps list (GET /api/stream): one poll per tick for all its clients, a message only
 * when some sweep's summary changed. Skips the read entirely while nothing was committed.
 */
import type { SweepReader } from '@loopsweep/store';
import type { SweepsResponse } from '../../api/types.js';
import { listSweeps } from '../sweep-list.js';
import type { SseClient } from './sse-client.js';

export class SweepsFeed {
  readonly #reader: SweepReader;
  readonly #clients = new Set<SseClient>();
  #version = -1;
  #last = '';

  constructor(reader: SweepReader) {
    this.#reader = reader;
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Adds a client and sends it the list as it is now. @throws {StoreError} when the database cannot be read. */
  add(client: SseClient): void {
    const version = this.#reader.dataVersion();
    const message: SweepsResponse = { sweeps: listSweeps(this.#reader) };
    client.send('sweeps', message);
    // The first client sets where polling starts. With others already here, the feed's own state
    // stays: a change this client has already seen may reach it once more (a whole list, harmless),
    // but the others never miss one.
    if (this.#clients.size === 0) {
      this.#version = version;
      this.#last = JSON.stringify(message);
    }
    this.#clients.add(client);
  }

  remove(client: SseClient): void {
    this.#clients.delete(client);
  }

  /** @throws {StoreError} when the database cannot be read (the next tick tries again). */
  tick(): void {
    if (this.#clients.size === 0) return;
    const version = this.#reader.dataVersion();
    if (version === this.#version) return;
    this.#version = version;
    const message: SweepsResponse = { sweeps: listSweeps(this.#reader) };
    const text = JSON.stringify(message);
    if (text === this.#last) return;
    this.#last = text;
    for (const client of this.#clients) client.send('sweeps', message);
  }
}
