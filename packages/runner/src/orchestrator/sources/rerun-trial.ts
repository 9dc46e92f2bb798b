/**
 * Runs one finished trial's configuration again with other seeds: how much of its value was the
 * seed's luck? (A comparison's confirmation stage is this, for each compared value's best trial.)
 * Each re-run is a trial of its own, stored with its `seed`, `stage` 'rerun' and `origin`, so a
 * resumed sweep knows which seeds have run and runs only the rest.
 */
import type { FrozenTrial } from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

export const RERUN_STAGE = 'rerun';

export class RerunTrial implements TrialSource {
  readonly name: string;

  /**
   * @param origin the trial whose params to run again; its re-runs start once it has finished.
   * @param seeds the seeds to run it with, one trial each.
   * @param stage what the re-runs are for, stored with each ('rerun'; a comparison's 'confirm').
   * @throws {RangeError} when `origin` is not a trial number or a seed is not a 32-bit unsigned integer.
   */
  constructor(
    readonly origin: number,
    readonly seeds: readonly number[],
    readonly stage: string = RERUN_STAGE,
  ) {
    if (!Number.isInteger(origin) || origin < 0) throw new RangeError(`rerun: origin must be a trial number (an integer >= 0), got ${origin}`);
    for (const seed of seeds) {
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`rerun: seeds must be integers in [0, 2^32), got ${seed}`);
    }
    this.name = `rerun of trial ${origin}`;
  }

  next(context: SourceContext): FrozenTrial | undefined {
    const original = context.study.trials[this.origin];
    if (!original || original.state === 'QUEUED' || original.state === 'RUNNING') return undefined;
    const seed = this.#seedsLeft(context)[0];
    if (seed === undefined) return undefined;
    return context.transitions.created(context.study.enqueue(original.params, { seed, stage: this.stage, origin: this.origin }));
  }

  done(context: SourceContext): boolean {
    return this.#seedsLeft(context).length === 0;
  }

  /** Seeds without a re-run in the study yet (the store's records: a resumed sweep skips those done). */
  #seedsLeft({ study }: SourceContext): number[] {
    const ran = new Set(study.trials.filter((t) => t.stage === this.stage && t.origin === this.origin).map((t) => t.seed));
    return this.seeds.filter((seed) => !ran.has(seed));
  }
}
