import { SweepError } from './sweep-error.js';

/** Thrown inside an objective (or by the runner on its behalf) when a pruner stops a trial. */
export class TrialPrunedError extends SweepError {
  readonly step: number;

  constructor(step: number, message = `trial pruned at step ${step}`) {
    super('TRIAL_PRUNED', message);
    this.name = 'TrialPrunedError';
    this.step = step;
  }
}
