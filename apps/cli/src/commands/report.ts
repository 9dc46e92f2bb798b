import { statSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { categoricalParams, renderReport, reportEnvironment, REPORT_FORMATS, type ReportFormat } from '@loopsweep/dashboard';
import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { err } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';
import { checkWritable, filesDirOf, writeReport } from '../report-files.js';

interface ReportArgs extends GlobalArgs {
  readonly sweep: string;
  readonly output: string | undefined;
  readonly format: ReportFormat | undefined;
  readonly by: string | undefined;
}

/** `--by optimizer,clip` → ['optimizer', 'clip']; every name a categorical param of the sweep. */
function parseBy(text: string, sweep: Parameters<typeof categoricalParams>[0]): string[] {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) throw new UsageError('--by needs at least one parameter name', 'for example --by optimizer,clip');
  const categorical = categoricalParams(sweep);
  for (const name of names) {
    if (categorical.includes(name)) continue;
    const all = specParamNames(sweep);
    if (all.includes(name))
      throw new UsageError(
        `--by ${name}: '${name}' is a numeric parameter of sweep '${sweep.name}'`,
        `--by takes categorical ones: ${categorical.join(', ') || '(none)'}`,
      );
    const guess = didYouMean(name, categorical);
    throw new UsageError(
      `--by ${name}: sweep '${sweep.name}' has no categorical parameter '${name}'`,
      `${guess ? `did you mean '${guess}'? ` : ''}its categorical parameters: ${categorical.join(', ') || '(none)'}`,
    );
  }
  return [...new Set(names)];
}

const formatOf = (argv: ReportArgs): ReportFormat => argv.format ?? (argv.output?.toLowerCase().endsWith('.md') ? 'md' : 'html');

export const reportCommand: CommandModule<GlobalArgs, ReportArgs> = {
  command: 'report <sweep>',
  describe: 'One self-contained file with the question, the answer and its evidence: HTML (default) or Markdown with SVG charts',
  builder: (y) =>
    y
      .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
      .option('output', { alias: 'o', type: 'string', describe: 'The file to write (default <sweep>-report.html or .md); replaced whole, never half-written' })
      .option('format', {
        choices: REPORT_FORMATS,
        describe: 'html: one file that opens offline; md: Markdown plus <name>_files/ with the charts (default: from -o, else html)',
      })
      .option('by', {
        type: 'string',
        describe: "Categorical parameters to judge, comma-separated (default: the spec's compare.by, else its first categorical parameters)",
      }),
  handler: async (argv) => {
    const format = formatOf(argv);
    const output = argv.output ?? `${argv.sweep}-report.${format}`;
    await withReader(argv.db, async (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const by = argv.by === undefined ? undefined : parseBy(argv.by, sweep);
      checkWritable(output, format === 'md');
      const started = performance.now();
      const report = await renderReport(reader, sweep, {
        format,
        filesDir: filesDirOf(output),
        environment: reportEnvironment(),
        now: Date.now(),
        ...(by === undefined ? {} : { by }),
      });
      writeReport(output, report.text, report.files);
      const size = statSync(output).size + report.files.reduce((s, f) => s + Buffer.byteLength(f.content), 0);
      const verdicts = report.data.comparisons.map(
        (c) => `${c.by}: ${c.comparison.decision}${c.comparison.winner === undefined ? '' : ` (${c.comparison.winner})`}`,
      );
      err(
        `wrote ${output}${report.files.length > 0 ? ` and ${report.files.length} charts in ${filesDirOf(output)}/` : ''} (${(size / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - started)} ms)${verdicts.length > 0 ? `; ${verdicts.join(', ')}` : ''}`,
      );
    });
  },
};
