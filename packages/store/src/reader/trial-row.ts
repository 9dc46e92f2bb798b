import type { TrialState } from '@loopsweep/core';
import { decodeParams } from '../codec/params.js';
import { present } from '../codec/nullable.js';
import type { TrialRow } from './types.js';
import type { TrialRowData } from '../codec/trial-row.js';

/** The columns of a TrialRow, selected from `trials t`; last_step from its metrics. */
export const TRIAL_ROW_COLUMNS =
  't.number, t.state, t.params, t.value, t.failure_reason, t.attempt, t.started_at, t.finished_at, t.updated_at, (SELECT MAX(m.step) FROM metrics m WHERE m.trial_id = t.id) AS last_step';

/** A row of TRIAL_ROW_COLUMNS: the stored columns a TrialRow needs, plus the last metric step. */
export type TrialRowColumns = Pick<TrialRowData, 'number' | 'state' | 'params' | 'value' | 'failure_reason' | 'attempt' | 'started_at' | 'finished_at' | 'updated_at'> & {
  readonly last_step: number | null;
};

export function toTrialRow(row: TrialRowColumns): TrialRow {
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
    ...present('lastStep', row.last_step),
  };
}
