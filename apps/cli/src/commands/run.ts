import type { CommandModule } from 'yargs';
import { withExecution, type GlobalArgs } from '../options.js';
import { withQueue, type QueueArgs } from '../distributed/queue-options.js';

interface RunArgs extends GlobalArgs, QueueArgs {
  readonly spec: string;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
}

export const runCommand: CommandModule<GlobalArgs, RunArgs> = {
  command: 'run <spec>',
  describe: 'Start a sweep from a spec file and run it to its budget',
  builder: (y) =>
    withExecution(
      withQueue(
        y.positional('spec', { type: 'string', demandOption: true, describe: 'Sweep spec file (YAML or JSON)' }),
        'Coordinate: run the trials on `sweep agent`s through this Redis (redis://[user:pass@]host[:port][/db], rediss:// for TLS); --parallel 0 runs none here',
      ),
    ),
  handler: async (argv) => {
    // Loaded on demand, so the read commands start fast.
    const queue = argv.queue !== undefined ? (await import('../distributed/queue-target-arg.js')).queueTarget(argv.queue, argv.queueName) : undefined;
    const { loadSpecFile } = await import('../spec-file.js');
    const { spec, specDir } = await loadSpecFile(argv.spec);
    const { executeSweep } = await import('../execute-sweep.js');
    process.exitCode = await executeSweep(
      { kind: 'new', spec, specDir },
      { db: argv.db, parallel: argv.parallel, devices: argv.devices, verbose: argv.verbose, ...(queue ? { queue } : {}) },
    );
  },
};
