import { TRIAL_STATES, type Direction, type SweepStatus, type TrialState } from '@loopsweep/core';
import { present } from '../codec/nullable.js';
import type { SweepRow } from '../codec/sweep-row.js';
import type { StatementCache } from '../sqlite/statement-cache.js';
import { trainedToTheEnd } from './trial-columns.js';
import type { SweepSummary } from './types.js';

/** `ORDER BY value …` putting the best first in `direction`; fixed text, chosen from a Direction. */
export function bestFirst(direction: Direction): string {
  return direction === 'minimize' ? 'ASC' : 'DESC';
}

/** The overview of one sweep: indexed queries only (counts, last change, best, last event). */
export function summarize(statements: StatementCache, sweep: SweepRow, schema: number): SweepSummary {
  const direction = sweep.direction as Direction;
  const counts = Object.fromEntries(TRIAL_STATES.map((state) => [state, 0])) as Record<TrialState, number>;
  let total = 0;
  let lastUpdatedAt: number | undefined;
  // Counts from the (sweep_id, state, value) index alone, and the last change from the
  // (sweep_id, updated_at) one: one GROUP BY that also took MAX(updated_at) read every trial's
  // row (about 9 ms instead of 1 at 10,000 trials, on every poll of a live dashboard).
  const groups = statements.get('SELECT state, COUNT(*) AS n FROM trials WHERE sweep_id = ? GROUP BY state').all(sweep.id) as {
    state: TrialState;
    n: number;
  }[];
  for (const group of groups) {
    counts[group.state] = group.n;
    total += group.n;
  }
  const lastTrial = statements.get('SELECT MAX(updated_at) AS last FROM trials WHERE sweep_id = ?').get(sweep.id) as { last: number | null };
  if (lastTrial.last !== null) lastUpdatedAt = lastTrial.last;
  const event = statements.get('SELECT at FROM events WHERE sweep_id = ? ORDER BY id DESC LIMIT 1').get(sweep.id) as { at: number } | undefined;
  if (event !== undefined) lastUpdatedAt = Math.max(lastUpdatedAt ?? event.at, event.at);
  const best = statements
    .get(
      `SELECT number, value FROM trials WHERE sweep_id = ? AND state = 'COMPLETE' AND value IS NOT NULL${trainedToTheEnd(schema)} ORDER BY value ${bestFirst(direction)}, number LIMIT 1`,
    )
    .get(sweep.id) as { number: number; value: number } | undefined;
  return {
    name: sweep.name,
    objective: sweep.objective,
    status: sweep.status as SweepStatus,
    metric: sweep.metric,
    direction,
    createdAt: sweep.created_at,
    ...present('finishedAt', sweep.finished_at),
    counts,
    total,
    ...(best === undefined ? {} : { best: { number: best.number, value: best.value } }),
    ...present('lastUpdatedAt', lastUpdatedAt),
  };
}
