/** `--queue` and `--queue-name`, shared by run, resume, agent and status. */
import type { Argv } from 'yargs';
import { DEFAULT_QUEUE_NAME, QueueError, parseQueueTarget, type QueueTarget } from '@loopsweep/runner';
import { UsageError } from '../errors.js';

export interface QueueArgs {
  readonly queue: string | undefined;
  readonly queueName: string;
}

export function withQueue<T>(y: Argv<T>, describe: string): Argv<T & QueueArgs> {
  return y
    .option('queue', { type: 'string', requiresArg: true, describe })
    .option('queue-name', { type: 'string', default: DEFAULT_QUEUE_NAME, requiresArg: true, describe: 'BullMQ queue on that Redis; sweeps and agents on one queue share the agents' }) as unknown as Argv<T & QueueArgs>;
}

/** @throws {UsageError} for a URL or queue name that cannot be used (the password never shown). */
export function queueTarget(url: string, name: string): QueueTarget {
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
