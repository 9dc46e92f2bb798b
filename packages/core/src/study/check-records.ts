import { SweepError } from '../errors/sweep-error.js';
import type { FrozenTrial } from '../trial/frozen-trial.js';
import { TRIAL_STATES } from '../trial/trial-state.js';

/**
 * Checks that stored records form a history a Study can continue: numbers 0..n−1 in order, known
 * states, finished values finite, attempts ≥ 1.
 * @throws {SweepError} code 'STORE' naming the first inconsistent record.
 */
export function checkRecords(trials: readonly FrozenTrial[]): void {
  trials.forEach((trial, index) => {
    const problem =
      trial.number !== index
        ? `has number ${trial.number} at position ${index} (numbers must be 0..n−1 in order)`
        : !(TRIAL_STATES as readonly string[]).includes(trial.state)
          ? `has unknown state '${trial.state}'`
          : trial.state === 'COMPLETE' && !(typeof trial.value === 'number' && Number.isFinite(trial.value))
            ? 'is COMPLETE without a finite value'
            : !(Number.isInteger(trial.attempt) && trial.attempt >= 1)
              ? `has attempt ${trial.attempt}`
              : undefined;
    if (problem) throw new SweepError('STORE', `cannot rebuild the study: trial ${trial.number} ${problem}`);
  });
}
