import type { Argv, CommandModule } from 'yargs';
import { loadSpamAssassinCorpus } from '@loopsweep/model';
import { UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { err } from '../output.js';
import { writeFileAtomic } from './export.js';

interface DataExportArgs extends GlobalArgs {
  readonly dataset: 'spamassassin';
  readonly output: string | undefined;
}

/**
 * `sweep data export spamassassin -o spam.csv`: a built-in dataset as CSV (`text,label`), for
 * objectives in other languages (examples/pytorch) and for `dataset: { name: csv }`.
 */
const dataExportCommand: CommandModule<GlobalArgs, DataExportArgs> = {
  command: 'export <dataset>',
  describe: 'Write a built-in dataset as CSV with the columns text and label (0 ham, 1 spam)',
  builder: (y) =>
    y
      .positional('dataset', { choices: ['spamassassin'] as const, demandOption: true, describe: 'The dataset' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write to this file instead of stdout (replaced whole, never half-written)' }),
  handler: async (argv) => {
    const corpus = await loadSpamAssassinCorpus();
    const text = toCsv(corpus.texts, corpus.labels);
    if (argv.output === undefined || argv.output === '-') return void process.stdout.write(text);
    try {
      writeFileAtomic(argv.output, text);
    } catch (error) {
      throw new UsageError(`cannot write ${argv.output}: ${(error as Error).message}`);
    }
    err(`wrote ${argv.output}: ${corpus.texts.length} messages (${corpus.labels.filter((l) => l === 1).length} spam)`);
  },
};

export const dataCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'data',
  describe: 'Built-in datasets: export one as CSV',
  builder: (y: Argv<GlobalArgs>) => y.command(dataExportCommand).demandCommand(1, 'name a data command: `sweep data export spamassassin -o spam.csv`'),
  handler: () => {},
};

/** RFC 4180: every text quoted (texts hold commas, quotes and newlines), quotes doubled. */
export function toCsv(texts: readonly string[], labels: readonly number[]): string {
  const lines = texts.map((text, i) => `"${text.replaceAll('"', '""')}",${labels[i] ?? ''}`);
  return `text,label\n${lines.join('\n')}\n`;
}
