/**
 * One open Server-Sent Events response. Writes are dropped once the client is gone, so a feed can
 * broadcast without checking each socket first.
 */
import type { ServerResponse } from 'node:http';

export class SseClient {
  readonly #response: ServerResponse;
  #closed = false;

  /** Sends the SSE headers and the reconnect delay at once, so EventSource's `open` fires. */
  constructor(response: ServerResponse, retryMs: number) {
    this.#response = response;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${retryMs}\n\n`);
    response.on('close', () => {
      this.#closed = true;
    });
  }

  get closed(): boolean {
    return this.#closed || this.#response.destroyed;
  }

  /** One message; `id` becomes the browser's Last-Event-ID for a reconnect. */
  send(event: string, data: unknown, id?: string): void {
    if (this.closed) return;
    // JSON.stringify never emits a raw newline, so the data fits one `data:` line.
    this.#response.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: keeps proxies and the browser from timing the connection out. */
  heartbeat(): void {
    if (!this.closed) this.#response.write(': heartbeat\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.#closed = true;
    this.#response.end();
  }

  onClose(listener: () => void): void {
    this.#response.on('close', listener);
  }
}
