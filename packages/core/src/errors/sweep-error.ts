/** Every error loopsweep raises on purpose has a stable `code`; match on it, never on message text. */
export type SweepErrorCode = 'SPEC' | 'TRIAL_PRUNED' | 'ILLEGAL_TRANSITION' | 'UNKNOWN_TRIAL' | 'SAMPLER' | 'STORE' | 'QUEUE' | 'INTERNAL';

/** The base of loopsweep's errors. `cause` is passed through untouched. */
export class SweepError extends Error {
  readonly code: SweepErrorCode;

  constructor(code: SweepErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SweepError';
    this.code = code;
  }
}
