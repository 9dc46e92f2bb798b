/** Subscribes to a server-sent event stream for as long as the component is mounted. */
import { useEffect, useRef, useState } from 'react';
import { openStream, type StreamState } from '../api/stream';

/**
 * `url` null: no stream (yet). Handlers may change between renders without reopening the stream;
 * only a new URL reopens it.
 */
export function useStream(url: string | null, events: Readonly<Record<string, (data: unknown) => void>>): StreamState | 'off' {
  const [state, setState] = useState<StreamState | 'off'>('off');
  const handlers = useRef(events);
  handlers.current = events;
  const names = Object.keys(events).sort().join(',');

  useEffect(() => {
    if (url === null) {
      setState('off');
      return;
    }
    const byName = Object.fromEntries(names.split(',').map((name) => [name, (data: unknown) => handlers.current[name]?.(data)]));
    return openStream(url, { events: byName, onState: setState });
  }, [url, names]);

  return state;
}
