/**
 * A server-sent event stream (API.md: `…/stream`) as callbacks. EventSource reconnects by itself
 * after a network error and resumes with Last-Event-ID (the server's cursor); this wrapper only
 * reports the connection's state, parses each message's JSON and closes on a refusal (non-200).
 */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'refused';

export interface StreamHandlers {
  /** Per event name (`changes`, `summary`, `sweeps`): the parsed `data` of each message. */
  readonly events: Readonly<Record<string, (data: unknown) => void>>;
  readonly onState: (state: StreamState) => void;
}

/** Opens the stream; returns the function that closes it. */
export function openStream(url: string, handlers: StreamHandlers): () => void {
  const source = new EventSource(url);
  let opened = false;
  handlers.onState('connecting');
  source.onopen = () => {
    opened = true;
    handlers.onState('open');
  };
  source.onerror = () => {
    // CLOSED after an error means the server answered but not with a stream (401, 404, 400):
    // EventSource will not retry, so neither do we. CONNECTING means it is retrying by itself.
    if (source.readyState === EventSource.CLOSED) handlers.onState('refused');
    else handlers.onState(opened ? 'reconnecting' : 'connecting');
  };
  for (const [name, handle] of Object.entries(handlers.events)) {
    source.addEventListener(name, (event) => {
      handle(JSON.parse((event as MessageEvent<string>).data) as unknown);
    });
  }
  return () => source.close();
}
