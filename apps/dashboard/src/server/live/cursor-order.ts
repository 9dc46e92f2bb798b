/** Componentwise comparisons of change cursors, for keeping each stream client exactly in step. */
import type { ChangeCursor, SweepChanges } from '@loopsweep/store';

export function laterCursor(a: ChangeCursor, b: ChangeCursor): ChangeCursor {
  return { trialUpdatedAt: Math.max(a.trialUpdatedAt, b.trialUpdatedAt), metricId: Math.max(a.metricId, b.metricId), eventId: Math.max(a.eventId, b.eventId) };
}

/** Whether `a` is at or past `b` in every part. */
export function atOrPast(a: ChangeCursor, b: ChangeCursor): boolean {
  return a.trialUpdatedAt >= b.trialUpdatedAt && a.metricId >= b.metricId && a.eventId >= b.eventId;
}

/** The part of `changes` that a client at `seen` has not had yet. */
export function unseenPart(changes: SweepChanges, seen: ChangeCursor): SweepChanges {
  return {
    trials: changes.trials.filter((trial) => trial.updatedAt > seen.trialUpdatedAt),
    metrics: changes.metrics.filter((point) => point.id > seen.metricId),
    events: changes.events.filter((event) => event.id > seen.eventId),
    cursor: laterCursor(changes.cursor, seen),
  };
}

export function isEmpty(changes: SweepChanges): boolean {
  return changes.trials.length === 0 && changes.metrics.length === 0 && changes.events.length === 0;
}
