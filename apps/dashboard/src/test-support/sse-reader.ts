/**
 * A Server-Sent Events client for tests, over fetch's streamed body (Node has no EventSource):
 * collects messages and lets a test wait for the one it expects.
 */

export interface SseMessage {
  readonly event: string;
  readonly id?: string;
  readonly data: unknown;
}

export interface SseStream {
  readonly status: number;
  readonly headers: Headers;
  readonly messages: SseMessage[];
  /** Comment lines seen (heartbeats). */
  readonly comments: string[];
  /** Resolves with the first message (already received or coming) that `match` accepts. */
  waitFor(match: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

function parseBlock(block: string, stream: { messages: SseMessage[]; comments: string[] }): void {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) stream.messages.push({ event, ...(id === undefined ? {} : { id }), data: JSON.parse(data.join('\n')) as unknown });
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  if (response.ok && response.body !== null) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            parseBlock(buffer.slice(0, end), { messages, comments });
            buffer = buffer.slice(end + 2);
          }
          for (const wake of waiters) wake();
        }
      } catch {
        // Aborted by close(): the test is done with the stream.
      }
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    messages,
    comments,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching SSE message within ${timeoutMs} ms; got ${messages.map((m) => m.event).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
