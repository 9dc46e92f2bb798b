import { existsSync, writeFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { EXAMPLE_SPEC } from '../example-spec.js';
import type { GlobalArgs } from '../options.js';
import { out } from '../output.js';

interface InitArgs extends GlobalArgs {
  readonly file: string;
  readonly force: boolean;
}

export const initCommand: CommandModule<GlobalArgs, InitArgs> = {
  command: 'init [file]',
  describe: 'Write a commented example sweep spec to start from',
  builder: (y) =>
    y
      .positional('file', { type: 'string', default: 'sweep.yaml', describe: 'Where to write it' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite the file if it exists' }),
  handler: (argv) => {
    if (existsSync(argv.file) && !argv.force) {
      throw new UsageError(`${argv.file} already exists; not overwriting it`, 'pass --force to replace it, or name another file: `sweep init my-sweep.yaml`');
    }
    try {
      writeFileSync(argv.file, EXAMPLE_SPEC);
    } catch (error) {
      throw new UsageError(`cannot write ${argv.file}: ${(error as Error).message}`);
    }
    out(`wrote ${argv.file}; check it with \`sweep validate ${argv.file}\` and start it with \`sweep run ${argv.file}\``);
  },
};
