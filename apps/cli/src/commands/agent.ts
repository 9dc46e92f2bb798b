import { inspect } from 'node:util';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { withQueue, type QueueArgs } from '../distributed/queue-options.js';

export interface AgentArgs extends GlobalArgs, QueueArgs {
  readonly devices: string | undefined;
  readonly concurrency: number | undefined;
  readonly name: string | undefined;
  readonly allowObjective: string[];
  readonly lockMs: number;
  readonly verbose: boolean;
}

export const agentCommand: CommandModule<GlobalArgs, AgentArgs> = {
  command: 'agent',
  describe: "Run trials of distributed sweeps: take trial jobs from a Redis queue into this machine's pool",
  builder: (y) =>
    withQueue(y, 'Redis to take trial jobs from: redis://[user:pass@]host[:port][/db], rediss:// for TLS (default $LOOPSWEEP_QUEUE)')
      .option('devices', { type: 'string', describe: 'Where trials run here: wasm:2, cpu:2, gpu:0,gpu:1, process:wasm:2, … (default wasm:<concurrency>)' })
      .option('concurrency', { alias: 'c', type: 'number', describe: 'Trials at once when --devices gives no count (default: one per CPU core)' })
      .option('name', { type: 'string', requiresArg: true, describe: 'Name shown by `sweep status` (default <host>-<pid>); unique among live agents' })
      .option('allow-objective', {
        type: 'string',
        array: true,
        default: [],
        describe: 'An objective module (path) this agent may run; built-ins always run. Repeat for several',
      })
      .option('lock-ms', {
        type: 'number',
        default: 30_000,
        hidden: true,
        describe: "BullMQ's job lock: a dead agent's trials go to others after about this long",
      })
      .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Also print a line when each trial starts' })
      // An agent never opens a database (the coordinator is the only writer): don't offer --db.
      .hide('db')
      .check((argv) => {
        const { concurrency, lockMs } = argv as { concurrency?: unknown; lockMs?: unknown };
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && (concurrency as number) >= 1))
          throw new UsageError(`--concurrency must be a whole number ≥ 1, got ${inspect(concurrency)}`, 'e.g. --concurrency 4, or --devices wasm:4');
        if (!(Number.isInteger(lockMs) && (lockMs as number) >= 100))
          throw new UsageError(`--lock-ms must be a whole number ≥ 100, got ${inspect(lockMs)}`, 'e.g. --lock-ms 30000 (the default)');
        return true;
      }) as never,
  handler: async (argv) => {
    const { runAgentCommand } = await import('../distributed/agent-command.js');
    process.exitCode = await runAgentCommand(argv);
  },
};
