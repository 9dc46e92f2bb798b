import { trialSeed, type TrialState } from '@loopsweep/core';
import { decodeParams } from '../codec/params.js';
import { present } from '../codec/nullable.js';
import type { TrialRowData } from '../codec/trial-row.js';
import { trialColumnExpressions } from './trial-columns.js';
import type { TrialRow } from './types.js';

/**
 * The columns of a TrialRow on a database of `schema`, selected from `trials t`; last_step from
 * its metrics, seed/stage/origin as trialColumnExpressions reads them.
 */
export function trialRowColumns(schema: number): string {
  const added = trialColumnExpressions(schema);
  return (
    't.number, t.state, t.params, t.value, t.failure_reason, t.attempt, t.started_at, t.finished_at, t.updated_at, ' +
    `${added.seed} AS seed, ${added.stage} AS stage, ${added.origin} AS origin, ${added.lineage}, ` +
    '(SELECT MAX(m.step) FROM metrics m WHERE m.trial_id = t.id) AS last_step'
  );
}

/** A row of trialRowColumns: the stored columns a TrialRow needs, plus the last metric step. */
export type TrialRowColumns = Pick<
  TrialRowData,
  | 'number'
  | 'state'
  | 'params'
  | 'value'
  | 'failure_reason'
  | 'attempt'
  | 'started_at'
  | 'finished_at'
  | 'updated_at'
  | 'seed'
  | 'stage'
  | 'origin'
  | 'parent'
  | 'replaces'
  | 'start_step'
> & {
  readonly last_step: number | null;
};

/**
 * The TrialRow of a row of the sweep whose seed is `sweepSeed`: a trial stored without a seed
 * shows the one it ran with (core's trialSeed), so every row names its seed.
 */
export function toTrialRow(row: TrialRowColumns, sweepSeed: number): TrialRow {
  return {
    number: row.number,
    state: row.state as TrialState,
    params: decodeParams(row.params),
    ...present('value', row.value),
    ...present('failureReason', row.failure_reason),
    attempt: row.attempt,
    ...present('startedAt', row.started_at),
    ...present('finishedAt', row.finished_at),
    updatedAt: row.updated_at,
    seed: trialSeed(sweepSeed, { number: row.number, ...present('seed', row.seed) }),
    stage: row.stage,
    ...present('origin', row.origin),
    ...(row.parent !== null && row.replaces !== null && row.start_step !== null
      ? { lineage: { parent: row.parent, replaces: row.replaces, step: row.start_step } }
      : {}),
    // Last: the dashboard's trial list adds a new lastStep to a cached row by spreading it, and
    // its JSON must stay the same text a fresh read would give.
    ...present('lastStep', row.last_step),
  };
}
