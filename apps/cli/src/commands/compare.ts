import type { CommandModule } from 'yargs';
import { formatComparison, judgeFromReader } from '../compare-report.js';
import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface CompareArgs extends GlobalArgs {
  readonly sweep: string;
  readonly by: string;
  readonly json: boolean;
  readonly confidence: number | undefined;
}

export const compareCommand: CommandModule<GlobalArgs, CompareArgs> = {
  command: 'compare <sweep>',
  describe: 'Which value of a parameter is best, or whether the data can tell: trials grouped by it, with a verdict',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .option('by', { type: 'string', demandOption: true, describe: 'The parameter to group by, e.g. optimizer' })
        .option('confidence', {
          type: 'number',
          describe: "Confidence of the verdict and its intervals, in (0, 1) (default: the spec's compare.confidence, else 0.95)",
        }),
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
      if (argv.confidence !== undefined && !(argv.confidence > 0 && argv.confidence < 1)) {
        throw new UsageError(
          `--confidence must be a number in (0, 1), got ${argv.confidence}`,
          'for example --confidence 0.95 (a false winner at most 5% of the time)',
        );
      }
      const verdict = judgeFromReader(reader, sweep, argv.by, argv.confidence);
      if (argv.json) return outJson({ sweep: sweep.name, metric: sweep.metric, ...verdict });
      out(`${sweep.name}: ${sweep.metric} (${sweep.direction}) by ${argv.by}, ${verdict.mode === 'protocol' ? 'confirmation replicates' : 'exploratory'}`);
      out(formatComparison(verdict));
    });
  },
};
