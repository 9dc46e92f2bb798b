import { describe, expect, it } from 'vitest';
import { formatCursor, parseCursor } from './cursor.js';

describe('cursor text', () => {
  it('round-trips a cursor', () => {
    const cursor = { trialUpdatedAt: 1764190000123, metricId: 500000, eventId: 7 };
    expect(formatCursor(cursor)).toBe('1764190000123.500000.7');
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
  });

  it.each(['', '1.2', '1.2.3.4', '-1.2.3', '1.x.3', '1.2.3 ', '99999999999999999.1.1', '1e3.1.1'])('refuses %j', (text) => {
    expect(parseCursor(text)).toBeUndefined();
  });
});
