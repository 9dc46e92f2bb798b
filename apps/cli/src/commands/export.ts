import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { exportTrials } from '@loopsweep/store';
import { UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { err } from '../output.js';
import { requireSweep, withReader } from '../reader.js';

interface ExportArgs extends GlobalArgs {
  readonly sweep: string;
  readonly format: 'csv' | 'json';
  readonly output: string | undefined;
}

export const exportCommand: CommandModule<GlobalArgs, ExportArgs> = {
  command: 'export <sweep>',
  describe: 'Every trial of a sweep with params, state, value and metrics, as CSV or JSON',
  builder: (y) =>
    y
      .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
      .option('format', { alias: 'f', choices: ['csv', 'json'] as const, default: 'csv' as const, describe: 'Output format' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write to this file instead of stdout (replaced whole, never half-written)' }),
  handler: async (argv) => {
    const text = await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      return exportTrials(reader, sweep.name, argv.format);
    });
    if (argv.output === undefined || argv.output === '-') return void process.stdout.write(text);
    writeFileAtomic(argv.output, text);
    err(`wrote ${argv.output}`);
  },
};

/** Writes a temporary file beside `file`, then renames it over `file`: readers never see half of it. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`, 'check that its folder exists and is writable');
  }
}
