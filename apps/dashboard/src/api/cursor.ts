/**
 * The text form of a ChangeCursor, as the stream's `?cursor=` and SSE `id:` carry it:
 * `<trialUpdatedAt>.<metricId>.<eventId>`. Pure and dependency-free, so the web app may import it.
 */
import type { ChangeCursor } from './types.js';

const CURSOR_TEXT = /^(\d{1,16})\.(\d{1,16})\.(\d{1,16})$/;

export function formatCursor(cursor: ChangeCursor): string {
  return `${cursor.trialUpdatedAt}.${cursor.metricId}.${cursor.eventId}`;
}

/** @returns the cursor, or undefined when `text` is not three non-negative integers joined by dots. */
export function parseCursor(text: string): ChangeCursor | undefined {
  const match = CURSOR_TEXT.exec(text);
  if (match === null) return undefined;
  const [trialUpdatedAt, metricId, eventId] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![trialUpdatedAt, metricId, eventId].every(Number.isSafeInteger)) return undefined;
  return { trialUpdatedAt, metricId, eventId };
}
