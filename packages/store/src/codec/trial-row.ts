import { SEARCH_STAGE, type StoredTrial, type TrialState } from '@loopsweep/core';
import { decodeParams } from './params.js';
import { present } from './nullable.js';

/** A `trials` row as the driver returns it. */
export interface TrialRowData {
  readonly id: number;
  readonly sweep_id: number;
  readonly number: number;
  readonly state: string;
  readonly params: string;
  readonly value: number | null;
  readonly failure_reason: string | null;
  readonly attempt: number;
  readonly owner: string | null;
  readonly heartbeat_at: number | null;
  readonly started_at: number | null;
  readonly finished_at: number | null;
  readonly updated_at: number;
  /** NULL in rows written before seeds were stored (schema 3). */
  readonly seed: number | null;
  readonly stage: string;
  readonly origin: number | null;
  /** Schema 5: population-based training's lineage and the checkpoint step an attempt starts from. */
  readonly parent: number | null;
  readonly replaces: number | null;
  readonly start_step: number | null;
  readonly restore_step: number | null;
  /** Schema 6: the trial's own epoch limit (a replayed schedule's segment); NULL: the budget's. */
  readonly max_epochs: number | null;
}

export const TRIAL_COLUMNS =
  'id, sweep_id, number, state, params, value, failure_reason, attempt, owner, heartbeat_at, started_at, finished_at, updated_at, seed, stage, origin, parent, replaces, start_step, restore_step, max_epochs';

/**
 * The StoredTrial of a row, with its tracked metric's curve (sorted by step) as `intermediate`.
 * Like FrozenTrial, it leaves out what the row does not say: `seed` where none was stored (the
 * caller derives it with trialSeed), `stage` for the sampler's ('search', the meaning of its
 * absence, so a record round-trips as it was created), `origin` unless the trial re-runs one.
 */
export function toStoredTrial(row: TrialRowData, intermediate: ReadonlyMap<number, number>): StoredTrial {
  return {
    number: row.number,
    state: row.state as TrialState,
    params: decodeParams(row.params),
    ...present('value', row.value),
    intermediate,
    attempt: row.attempt,
    sweepId: row.sweep_id,
    ...present('failureReason', row.failure_reason),
    ...present('owner', row.owner),
    ...present('heartbeatAt', row.heartbeat_at),
    ...present('startedAt', row.started_at),
    ...present('finishedAt', row.finished_at),
    ...present('seed', row.seed),
    ...(row.stage === SEARCH_STAGE ? {} : { stage: row.stage }),
    ...present('origin', row.origin),
    ...(row.parent !== null && row.replaces !== null && row.start_step !== null
      ? { lineage: { parent: row.parent, replaces: row.replaces, step: row.start_step } }
      : {}),
    ...present('restoreStep', row.restore_step),
    ...present('maxEpochs', row.max_epochs),
  };
}
