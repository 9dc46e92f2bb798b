import type { StatementCache } from '../sqlite/statement-cache.js';

/**
 * The `updated_at` for a trial change now: epoch ms, but strictly above every stamp the sweep
 * already has, so a reader polling `updated_at > cursor` never misses two changes made within the
 * same millisecond (there is one writer, so stamps also follow commit order).
 */
export function nextChangeStamp(statements: StatementCache, sweepId: number, now: number): number {
  const row = statements.get('SELECT MAX(updated_at) AS last FROM trials WHERE sweep_id = ?').get(sweepId) as { last: number | null };
  return row.last === null ? now : Math.max(now, row.last + 1);
}
