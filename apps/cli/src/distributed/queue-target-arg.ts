/** The --queue value as the runner's QueueTarget, with the runner's errors turned into the CLI's. */
import { QueueError, parseQueueTarget, type QueueTarget } from '@loopsweep/runner';
import { UsageError } from '../errors.js';

/** @throws {UsageError} for a URL or queue name that cannot be used (the password never shown). */
export function queueTarget(url: string, name: string | undefined): QueueTarget {
  try {
    return parseQueueTarget(url, name);
  } catch (error) {
    throw asUsageError(error);
  }
}

/** A queue that cannot be reached, or refuses the login, is the user's input to fix: exit 2 with the hint. */
export function asUsageError(error: unknown): unknown {
  return error instanceof QueueError ? new UsageError(error.message, error.hint) : error;
}
