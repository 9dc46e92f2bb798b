import type { CommandModule } from 'yargs';
import { compareFromReader, formatComparison } from '../compare-report.js';
import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface CompareArgs extends GlobalArgs {
  readonly sweep: string;
  readonly by: string;
  readonly json: boolean;
}

export const compareCommand: CommandModule<GlobalArgs, CompareArgs> = {
  command: 'compare <sweep>',
  describe: 'Which value of a parameter won: trials grouped by it, with a verdict',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .option('by', { type: 'string', demandOption: true, describe: 'The parameter to group by, e.g. optimizer' }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const names = specParamNames(sweep);
      if (!names.includes(argv.by)) {
        const guess = didYouMean(argv.by, names);
        throw new UsageError(
          `sweep '${sweep.name}' has no parameter '${argv.by}'`,
          `${guess ? `did you mean '${guess}'? ` : ''}its parameters: ${names.join(', ') || '(none)'}`,
        );
      }
      const comparison = compareFromReader(reader, sweep.name, sweep.metric, sweep.direction, argv.by);
      if (argv.json) return outJson({ sweep: sweep.name, metric: sweep.metric, ...comparison });
      out(`${sweep.name}: ${sweep.metric} (${sweep.direction}) by ${argv.by}`);
      out(formatComparison(comparison));
    });
  },
};
