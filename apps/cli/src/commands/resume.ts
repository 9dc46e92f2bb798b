import type { CommandModule } from 'yargs';
import { validateSweepSpec } from '@loopsweep/core';
import { withExecution, type GlobalArgs } from '../options.js';
import { requireSweep, withReader } from '../reader.js';

interface ResumeArgs extends GlobalArgs {
  readonly sweep: string;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
}

export const resumeCommand: CommandModule<GlobalArgs, ResumeArgs> = {
  command: 'resume <sweep>',
  describe: 'Continue a sweep that was interrupted (Ctrl-C, a crash, kill -9): interrupted trials run again',
  builder: (y) => withExecution(y.positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name (see `sweep list`)' })),
  handler: async (argv) => {
    // Read-only first: an unknown sweep or database is refused without writing anything.
    const stored = await withReader(argv.db, (reader) => requireSweep(reader, argv.sweep, argv.db));
    const { preflight } = await import('../spec-file.js');
    const specDir = process.cwd();
    const spec = preflight(validateSweepSpec(stored.spec, `stored for sweep '${stored.name}'`), specDir, `stored for sweep '${stored.name}'`);
    const { executeSweep } = await import('../execute-sweep.js');
    process.exitCode = await executeSweep({ kind: 'resume', spec, specDir }, argv);
  },
};
