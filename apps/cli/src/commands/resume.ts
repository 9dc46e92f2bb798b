import type { CommandModule } from 'yargs';
import { validateSweepSpec } from '@loopsweep/core';
import { withExecution, type GlobalArgs } from '../options.js';
import { withQueue, type QueueArgs } from '../distributed/queue-options.js';
import { requireSweep, withReader } from '../reader.js';
import { recordedQueue } from '../distributed/recorded-queue.js';

interface ResumeArgs extends GlobalArgs, QueueArgs {
  readonly sweep: string;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
}

export const resumeCommand: CommandModule<GlobalArgs, ResumeArgs> = {
  command: 'resume <sweep>',
  describe: 'Continue a sweep that was interrupted (Ctrl-C, a crash, kill -9): interrupted trials run again',
  builder: (y) =>
    withExecution(
      withQueue(
        y.positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name (see `sweep list`)' }),
        'Coordinate through this Redis again (a sweep that ran with --queue): trials agents finished meanwhile are collected, those they still run are followed',
      ),
    ),
  handler: async (argv) => {
    const queue = argv.queue !== undefined ? (await import('../distributed/queue-target-arg.js')).queueTarget(argv.queue, argv.queueName) : undefined;
    // Read-only first: an unknown sweep or database is refused without writing anything.
    const { stored, recorded } = await withReader(argv.db, (reader) => ({
      stored: requireSweep(reader, argv.sweep, argv.db),
      recorded: recordedQueue(reader, argv.sweep),
    }));
    if (recorded && !queue) {
      process.stderr.write(
        `warning: sweep ${argv.sweep} ran its trials through queue '${recorded.name}' at ${recorded.redactedUrl}; without --queue its running trials run again here, and results agents finished meanwhile are not collected\n`,
      );
    }
    const [{ preflight }, { objectiveBlocks }] = await Promise.all([import('../spec-file.js'), import('@loopsweep/runner')]);
    const specDir = process.cwd();
    const source = `stored for sweep '${stored.name}'`;
    // The stored spec was checked when the sweep started; checking again finds a dataset file
    // that has moved or changed since, before any trial fails on it.
    const spec = await preflight(validateSweepSpec(stored.spec, source, { objectiveBlocks }), specDir, source);
    const { executeSweep } = await import('../execute-sweep.js');
    process.exitCode = await executeSweep(
      { kind: 'resume', spec, specDir },
      { db: argv.db, parallel: argv.parallel, devices: argv.devices, verbose: argv.verbose, ...(queue ? { queue } : {}) },
    );
  },
};
