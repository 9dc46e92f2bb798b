import { SweepError } from './sweep-error.js';

/** A trial was asked to move between states that the state machine does not connect. */
export class IllegalTransitionError extends SweepError {
  readonly from: string;
  readonly to: string;
  readonly trialNumber: number;

  constructor(trialNumber: number, from: string, to: string) {
    super('ILLEGAL_TRANSITION', `trial ${trialNumber} cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
    this.trialNumber = trialNumber;
    this.from = from;
    this.to = to;
  }
}
