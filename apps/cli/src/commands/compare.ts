import type { SweepRecord } from '@loopsweep/core';
import type { SweepReader } from '@loopsweep/store';
import type { CommandModule } from 'yargs';
import { formatComparison, formatFrontShare, frontShare, judgeFromReader, judgeObjectives } from '../compare-report.js';
import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import { formatConstraint, readFront, type SweepFront } from '../front.js';
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
      const front = readFront(reader, sweep);
      if (front !== undefined && front.objectives.length > 1) return printObjectives(reader, sweep, front, argv);
      // A constrained one-metric sweep: its infeasible trials are left out of the verdict.
      const verdict =
        front === undefined
          ? judgeFromReader(reader, sweep, argv.by, argv.confidence)
          : judgeObjectives(reader, sweep, front, argv.by, argv.confidence)[0]!.verdict;
      const excluded = front === undefined ? undefined : front.summary.infeasible.length;
      if (argv.json)
        return outJson({ sweep: sweep.name, metric: sweep.metric, ...verdict, ...(excluded === undefined ? {} : { infeasible_excluded: excluded }) });
      out(`${sweep.name}: ${sweep.metric} (${sweep.direction}) by ${argv.by}, ${verdict.mode === 'protocol' ? 'confirmation replicates' : 'exploratory'}`);
      out(formatComparison(verdict));
      if (excluded !== undefined) out(infeasibleNote(front!));
    });
  },
};

const infeasibleNote = (front: SweepFront): string =>
  `(${front.summary.infeasible.length} infeasible ${front.summary.infeasible.length === 1 ? 'trial' : 'trials'} left out: ${front.constraints.map(formatConstraint).join(', ')})`;

/** A multi-objective sweep: each objective judged on its own, then each value's share of the Pareto front. */
function printObjectives(reader: SweepReader, sweep: SweepRecord, front: SweepFront, argv: CompareArgs): void {
  const verdicts = judgeObjectives(reader, sweep, front, argv.by, argv.confidence);
  const shares = frontShare(front, argv.by);
  if (argv.json)
    return outJson({
      sweep: sweep.name,
      by: argv.by,
      objectives: verdicts.map((v) => ({ name: v.metric, goal: v.direction })),
      per_objective: verdicts.map((v) => ({ metric: v.metric, ...v.verdict })),
      front_size: front.summary.front.length,
      front_share: shares,
      infeasible_excluded: front.summary.infeasible.length,
    });
  const mode = verdicts[0]?.verdict.mode === 'protocol' ? 'confirmation replicates' : 'exploratory';
  out(`${sweep.name}: ${verdicts.length} objectives by ${argv.by}, ${mode}; each objective judged on its own`);
  for (const v of verdicts) {
    out(`\nobjective ${v.metric} (${v.direction}):`);
    out(formatComparison(v.verdict, '  '));
  }
  out('');
  out(formatFrontShare(shares, argv.by, front.summary.front.length));
  if (front.constraints.length > 0) out(infeasibleNote(front));
}
