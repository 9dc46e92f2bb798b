/**
 * Trials waiting to run again: retries of crashed trials, interrupted attempts (Ctrl-C twice, a
 * dead runner), and on resume trials asked for but never started. They go before anything new.
 */
import type { FrozenTrial } from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

export class RequeuedTrials implements TrialSource {
  readonly name = 'retries';
  // A set, so that the loop never scans every trial to find the waiting ones.
  readonly #waiting: Set<number>;

  constructor(trials: readonly FrozenTrial[]) {
    this.#waiting = new Set(trials.filter((t) => t.state === 'QUEUED').map((t) => t.number));
  }

  /** A trial that has just been re-queued. */
  add(number: number): void {
    this.#waiting.add(number);
  }

  get size(): number {
    return this.#waiting.size;
  }

  next({ study }: SourceContext): FrozenTrial | undefined {
    const [first] = this.#waiting;
    if (first === undefined) return undefined;
    this.#waiting.delete(first);
    return study.trials[first];
  }

  done(): boolean {
    return this.#waiting.size === 0;
  }
}
