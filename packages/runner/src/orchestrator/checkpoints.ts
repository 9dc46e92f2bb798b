/**
 * The checkpoints a population-based training sweep keeps (issue 18): each member's state at every
 * `interval`-th step, durably in the store (v8-serialized), for as long as something may still
 * start from it; then dropped, so disk use is bounded by the population, not by the number of trials.
 */
import { deserialize, serialize } from 'node:v8';
import { lastStep, type Checkpoint, type FrozenTrial, type Study, type TrialStore } from '@loopsweep/core';

/**
 * The step of `trial`'s latest kept checkpoint that its recorded curve reaches (or its start
 * checkpoint's), if any: where a re-queued attempt continues from.
 */
export function lastCheckpointStep(store: TrialStore, sweepId: number, trial: FrozenTrial): number | undefined {
  let last: number | undefined;
  for (const key of store.checkpointKeys(sweepId)) {
    const reached = key.step === trial.restoreStep || trial.intermediate.has(key.step);
    if (key.trialNumber === trial.number && reached && (last === undefined || key.step > last)) last = key.step;
  }
  return last;
}

export class CheckpointKeeper {
  constructor(
    private readonly store: TrialStore,
    private readonly sweepId: number,
    /** Checkpoints are kept at multiples of this step: where exploit decisions fall. */
    readonly interval: number,
  ) {}

  /** Keeps `state` as `trialNumber`'s checkpoint of `step` if the population may need it. */
  offer(trialNumber: number, step: number, state: unknown): void {
    if (state === undefined || step % this.interval !== 0) return;
    this.store.saveCheckpoint(this.sweepId, trialNumber, step, serialize(state));
  }

  /**
   * The checkpoint `trial`'s attempt starts from (its restoreStep), or undefined when it starts
   * fresh. A missing one means the objective never offered it (it does not checkpoint).
   */
  restoreFor(trial: FrozenTrial): Checkpoint | undefined {
    if (trial.restoreStep === undefined) return undefined;
    const data = this.store.loadCheckpoint(this.sweepId, trial.number, trial.restoreStep);
    return data === undefined ? undefined : { step: trial.restoreStep, state: deserialize(data) as unknown };
  }

  /**
   * Drops every checkpoint nothing can start from any more. Kept: each unfinished trial's own
   * (its start, and its latest, for a retry after an interruption), and every member's checkpoint
   * at a step some unfinished trial has not passed yet (a member judged there later may be
   * replaced by a copy of it), and at the steps of stopped members still waiting for a successor.
   */
  retain(study: Study, awaitingSuccessor: (trial: FrozenTrial) => boolean): void {
    const unfinished = study.trials.filter((trial) => trial.state === 'QUEUED' || trial.state === 'RUNNING');
    const earliest = Math.min(...unfinished.map((trial) => lastStep(trial) ?? trial.restoreStep ?? 0));
    const openSteps = new Set(study.trials.filter(awaitingSuccessor).map((trial) => lastStep(trial)));
    const own = new Map<number, number>();
    for (const key of this.store.checkpointKeys(this.sweepId)) {
      const trial = study.trials[key.trialNumber];
      if (trial && (trial.state === 'QUEUED' || trial.state === 'RUNNING')) own.set(key.trialNumber, Math.max(own.get(key.trialNumber) ?? -1, key.step));
    }
    for (const key of this.store.checkpointKeys(this.sweepId)) {
      const keep = key.step >= earliest || openSteps.has(key.step) || own.get(key.trialNumber) === key.step;
      if (!keep) this.store.deleteCheckpoint(this.sweepId, key.trialNumber, key.step);
    }
  }
}
