import type { CommandModule } from 'yargs';
import { withExecution, type GlobalArgs } from '../options.js';

interface RunArgs extends GlobalArgs {
  readonly spec: string;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
}

export const runCommand: CommandModule<GlobalArgs, RunArgs> = {
  command: 'run <spec>',
  describe: 'Start a sweep from a spec file and run it to its budget',
  builder: (y) => withExecution(y.positional('spec', { type: 'string', demandOption: true, describe: 'Sweep spec file (YAML or JSON)' })),
  handler: async (argv) => {
    // Loaded on demand, so the read commands start fast.
    const { loadSpecFile } = await import('../spec-file.js');
    const { spec, specDir } = loadSpecFile(argv.spec);
    const { executeSweep } = await import('../execute-sweep.js');
    process.exitCode = await executeSweep({ kind: 'new', spec, specDir }, argv);
  },
};
