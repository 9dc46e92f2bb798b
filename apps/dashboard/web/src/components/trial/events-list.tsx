/** The trial's log: start, prune decisions, errors, retries, where it ran. */
import type { SweepEvent } from '../../api/types';
import { formatTime } from '../../model/format';

export function EventsList({ events }: { events: readonly SweepEvent[] }) {
  if (events.length === 0) return <p className="muted">No events.</p>;
  return (
    <ul className="events" data-testid="trial-events" tabIndex={0} aria-label="Trial events">
      {events.map((e) => (
        <li key={e.id}>
          <span className="muted mono">{formatTime(e.at)}</span> <span className="kind">{e.kind}</span> {e.message}
        </li>
      ))}
    </ul>
  );
}
