/**
 * The abort reason a running objective sees on `ctx.signal` after `cancel(reason)`. Pruning uses
 * core's TrialPrunedError instead, so an objective can tell the two apart by `signal.reason.name`.
 */
export class TrialCancelledError extends Error {
  readonly code = 'CANCELLED';

  constructor(reason: string) {
    super(`trial cancelled: ${reason}`);
    this.name = 'TrialCancelledError';
  }
}
