/**
 * Every change of a trial's state, each in one place: the study's record, the store's row and the
 * event that says why, always together and in that order (the store is the truth; the event log
 * is what `sweep show` and the dashboard read).
 */
import type { FrozenTrial, Study, TrialStore } from '@loopsweep/core';
import { lastCheckpointStep } from './checkpoints.js';

/** A re-queue's event line: "crashed: …; re-queued as attempt 2, continuing from its checkpoint at step 4". */
export function requeuedMessage(reason: string, attempt: number, restoreStep: number | undefined): string {
  return `${reason}; re-queued as attempt ${attempt}${restoreStep === undefined ? '' : `, continuing from its checkpoint at step ${restoreStep}`}`;
}

export class Transitions {
  constructor(
    private readonly study: Study,
    private readonly store: TrialStore,
    private readonly sweepId: number,
    private readonly owner: string,
    private readonly metric: string,
    /** Whether the sweep keeps checkpoints (population-based training): a re-queued trial then continues from its last one. */
    private readonly checkpointing = false,
  ) {}

  /**
   * Keeps `to`'s start checkpoint: a copy of `from`'s at `step` (an exploit trial starts from its
   * parent's state; the copy stays when the parent's own are dropped). False when there is none.
   */
  copyCheckpoint(from: number, step: number, to: number): boolean {
    const data = this.store.loadCheckpoint(this.sweepId, from, step);
    if (data === undefined) return false;
    this.store.saveCheckpoint(this.sweepId, to, step, data);
    return true;
  }

  /** A trial the study has just recorded QUEUED (asked or enqueued) is stored. */
  created(trial: FrozenTrial): FrozenTrial {
    this.store.createTrial(this.sweepId, trial);
    return trial;
  }

  /** QUEUED → RUNNING on this owner. */
  start(number: number): FrozenTrial {
    const started = this.study.start(number);
    this.store.updateTrial(this.sweepId, number, { state: 'RUNNING', owner: this.owner });
    this.store.appendEvent(this.sweepId, number, 'trial_started', `trial ${number} started (attempt ${started.attempt})`);
    return started;
  }

  /** A lost trial that the executor still holds: RUNNING again, now on this owner. */
  adopted(number: number, where: string): void {
    const trial = this.study.trials[number] as FrozenTrial;
    this.store.updateTrial(this.sweepId, number, { state: 'RUNNING', owner: this.owner });
    this.store.appendEvent(this.sweepId, number, 'info', `trial ${number} re-attached (attempt ${trial.attempt}): ${where} still holds it`);
  }

  /** The pruner stopped it at `step`: recorded now, so the event precedes the trial's end. */
  pruneDecided(number: number, step: number, value: number): void {
    this.store.appendEvent(this.sweepId, number, 'trial_pruned', `pruner stops it at step ${step}: ${this.metric} = ${value}`);
  }

  /**
   * RUNNING → COMPLETE with `value` (and, in a multi-objective or constrained sweep, `values`); a
   * value that is not finite makes it FAILED instead.
   */
  complete(number: number, value: number | undefined, values?: Readonly<Record<string, number>>): FrozenTrial {
    const told = this.study.tell(number, 'COMPLETE', value, values);
    if (told.state !== 'COMPLETE') return this.#failed(told, `objective result has no finite '${this.metric}' (got ${value})`);
    this.store.updateTrial(this.sweepId, number, { state: 'COMPLETE', value: told.value, ...(told.values ? { values: told.values } : {}) });
    this.store.appendEvent(this.sweepId, number, 'trial_completed', told.values ? describeValues(told.values) : `${this.metric} = ${told.value}`);
    return told;
  }

  /** RUNNING → PRUNED, valued at its last recorded step (the step the pruner named). */
  prune(number: number): FrozenTrial {
    const told = this.study.tell(number, 'PRUNED');
    this.store.updateTrial(this.sweepId, number, {
      state: 'PRUNED',
      ...(told.value !== undefined ? { value: told.value } : {}),
      ...(told.values ? { values: told.values } : {}),
    });
    return told;
  }

  /** A line in the trial's record (an `info` event). */
  note(number: number, message: string): void {
    this.store.appendEvent(this.sweepId, number, 'info', message);
  }

  /** → FAILED with `reason`. */
  fail(number: number, reason: string): FrozenTrial {
    return this.#failed(this.study.tell(number, 'FAILED'), reason);
  }

  /**
   * RUNNING → QUEUED as the next attempt (a retry, an interruption); its partial curve is dropped,
   * or, in a sweep that keeps checkpoints, kept up to its last checkpoint, which the attempt continues from.
   */
  requeue(number: number, reason: string): FrozenTrial {
    const restoreStep = this.checkpointing ? lastCheckpointStep(this.store, this.sweepId, this.study.trials[number] as FrozenTrial) : undefined;
    const requeued = this.study.requeue(number, restoreStep);
    this.store.updateTrial(this.sweepId, number, {
      state: 'QUEUED',
      attempt: requeued.attempt,
      failureReason: reason,
      ...(restoreStep === undefined ? {} : { restoreStep }),
    });
    this.store.appendEvent(this.sweepId, number, 'trial_retried', requeuedMessage(reason, requeued.attempt, restoreStep));
    return requeued;
  }

  #failed(told: FrozenTrial, reason: string): FrozenTrial {
    this.store.updateTrial(this.sweepId, told.number, { state: 'FAILED', failureReason: reason });
    this.store.appendEvent(this.sweepId, told.number, 'trial_failed', reason);
    return told;
  }
}

/** `val_accuracy = 0.91, train_seconds = 12.5`: a multi-objective trial's event line. */
function describeValues(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} = ${value}`)
    .join(', ');
}
