import { SweepError } from './sweep-error.js';

/** A storage failure or refusal, the driver's error passed through as `cause`. */
export class StoreError extends SweepError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE', message, options);
    this.name = 'StoreError';
  }
}
