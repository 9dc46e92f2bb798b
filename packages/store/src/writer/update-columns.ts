import { isFinished, type TrialUpdate } from '@loopsweep/core';
import type { TrialRowData } from '../codec/trial-row.js';

/** The columns of `trials` an update writes. */
export type UpdatedColumns = Pick<TrialRowData, 'state' | 'value' | 'failure_reason' | 'attempt' | 'owner' | 'heartbeat_at' | 'started_at' | 'finished_at'>;

/**
 * What a trial's row becomes under `update` at time `now`. A field the update leaves out keeps
 * its stored value, except where the new state makes it meaningless:
 * - RUNNING starts an attempt: started_at and heartbeat_at = now, value cleared.
 * - QUEUED (a re-queue) hands the trial back: owner, heartbeat, start, finish and value cleared.
 * - COMPLETE / PRUNED clear a failure reason left from an earlier attempt (the events keep it);
 *   RUNNING and QUEUED keep it, so a retry still shows why it is one.
 * - A finished state sets finished_at = now; any other clears it.
 * Transitions are not checked here: the Study checks them, the store records what it is told.
 */
export function updatedColumns(current: TrialRowData, update: TrialUpdate, now: number): UpdatedColumns {
  const { state } = update;
  const requeued = state === 'QUEUED';
  const running = state === 'RUNNING';
  const succeeded = state === 'COMPLETE' || state === 'PRUNED';
  return {
    state,
    value: update.value ?? (requeued || running ? null : current.value),
    failure_reason: update.failureReason ?? (succeeded ? null : current.failure_reason),
    attempt: update.attempt ?? current.attempt,
    owner: update.owner ?? (requeued ? null : current.owner),
    heartbeat_at: running ? now : requeued ? null : current.heartbeat_at,
    started_at: running ? now : requeued ? null : current.started_at,
    finished_at: isFinished(state) ? now : null,
  };
}
