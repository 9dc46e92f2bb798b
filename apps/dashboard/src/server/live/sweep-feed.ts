/**
 * The live changes of one sweep, shared by every stream client watching it: one poll per tick,
 * whatever the number of clients. A poll first asks SQLite whether anything was committed at all
 * (data_version, no table read), then reads only what is newer than the feed's cursor
 * (changesSince: index range scans), so an idle or finished sweep costs nothing.
 *
 * Each client keeps its own cursor: a client that joins (or resumes with Last-Event-ID) is caught
 * up from its cursor first, and from then on gets exactly the part of each shared poll it has not
 * seen — no change twice, none missed.
 */
import type { ChangeCursor, SweepChanges, SweepReader } from '@loopsweep/store';
import { formatCursor } from '../../api/cursor.js';
import type { ResetMessage } from '../../api/types.js';
import { isEmpty, laterCursor, unseenPart } from './cursor-order.js';
import type { SseClient } from './sse-client.js';

export class SweepFeed {
  readonly #reader: SweepReader;
  readonly #sweep: string;
  readonly #clients = new Map<SseClient, ChangeCursor>();
  readonly #maxCatchUp: number;
  #cursor: ChangeCursor;
  #version: number;

  /**
   * @param maxCatchUp a client resuming further behind than this many metric values gets a
   *   `reset` instead of the changes.
   * @throws {StoreError} when the database cannot be read.
   */
  constructor(reader: SweepReader, sweep: string, cursor: ChangeCursor, maxCatchUp: number) {
    this.#reader = reader;
    this.#sweep = sweep;
    this.#maxCatchUp = maxCatchUp;
    this.#version = reader.dataVersion();
    this.#cursor = cursor;
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /**
   * Adds a client that has seen everything up to `from` (a resume), or everything up to now when
   * `from` is undefined. Sends it what it missed, and the sweep's summary.
   * @throws {StoreError} when the database cannot be read.
   */
  add(client: SseClient, from: ChangeCursor | undefined): void {
    const now = this.#reader.cursor(this.#sweep) ?? this.#cursor;
    let start = from ?? now;
    if (now.metricId - start.metricId > this.#maxCatchUp) {
      // Too far behind to send as one message (it could be hundreds of megabytes of JSON): the
      // client reloads the sweep instead and follows on from now.
      const reset: ResetMessage = { reason: 'too far behind to catch up; reload the sweep', cursor: now };
      client.send('reset', reset, formatCursor(now));
      start = now;
    }
    const missed = this.#reader.changesSince(this.#sweep, start);
    const seen = laterCursor(missed?.cursor ?? start, this.#cursor);
    if (missed !== undefined && !isEmpty(missed)) client.send('changes', { ...missed, cursor: seen }, formatCursor(seen));
    const summary = this.#reader.summary(this.#sweep);
    if (summary !== undefined) client.send('summary', summary);
    this.#clients.set(client, seen);
  }

  remove(client: SseClient): void {
    this.#clients.delete(client);
  }

  /**
   * One poll: when something was committed since the last one, reads what is new in this sweep and
   * sends each client its unseen part, then the new summary.
   * @throws {StoreError} when the database cannot be read (the next tick tries again).
   */
  tick(): void {
    if (this.#clients.size === 0) return;
    const version = this.#reader.dataVersion();
    if (version === this.#version) return;
    this.#version = version;
    const changes = this.#reader.changesSince(this.#sweep, this.#cursor);
    if (changes === undefined) return;
    this.#cursor = changes.cursor;
    if (isEmpty(changes)) return;
    const summary = this.#reader.summary(this.#sweep);
    for (const [client, seen] of this.#clients) this.#deliver(client, seen, changes, summary);
  }

  #deliver(client: SseClient, seen: ChangeCursor, changes: SweepChanges, summary: unknown): void {
    const unseen = unseenPart(changes, seen);
    this.#clients.set(client, unseen.cursor);
    if (isEmpty(unseen)) return;
    client.send('changes', unseen, formatCursor(unseen.cursor));
    if (summary !== undefined) client.send('summary', summary);
  }
}
