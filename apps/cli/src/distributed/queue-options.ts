/**
 * `--queue` and `--queue-name`, shared by run, resume, agent and status. No runtime import of
 * @loopsweep/runner here: every command module loads this, and the read commands must start fast.
 */
import type { Argv } from 'yargs';

export interface QueueArgs {
  readonly queue: string | undefined;
  /** Undefined: the runner's default queue ('loopsweep'). */
  readonly queueName: string | undefined;
}

export function withQueue<T>(y: Argv<T>, describe: string): Argv<T & QueueArgs> {
  return y.option('queue', { type: 'string', requiresArg: true, describe }).option('queue-name', {
    type: 'string',
    requiresArg: true,
    describe: 'BullMQ queue on that Redis (default loopsweep); sweeps and agents on one queue share the agents',
  }) as unknown as Argv<T & QueueArgs>;
}
