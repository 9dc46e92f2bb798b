import { SweepError } from '@loopsweep/core';

/**
 * What went wrong with a queue: 'url' (the --queue value cannot be used: bad input), 'unreachable'
 * (no Redis answers there), 'auth' (Redis refused the user or password), 'agent-name' (another live
 * agent serves the queue under that name). Messages name the URL only in its redacted form.
 */
export type QueueErrorKind = 'url' | 'unreachable' | 'auth' | 'agent-name';

export class QueueError extends SweepError {
  readonly kind: QueueErrorKind;
  readonly hint: string | undefined;

  constructor(kind: QueueErrorKind, message: string, hint?: string, options?: { cause?: unknown }) {
    super('QUEUE', message, options);
    this.name = 'QueueError';
    this.kind = kind;
    this.hint = hint;
  }
}
