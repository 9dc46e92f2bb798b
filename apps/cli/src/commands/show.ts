import type { CommandModule } from 'yargs';
import type { TrialDetail } from '@loopsweep/store';
import { UsageError } from '../errors.js';
import { formatDuration, formatTimestamp } from '../format/duration.js';
import { formatTable } from '../format/table.js';
import { formatNumber, formatParamValue } from '../format/value.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface ShowArgs extends GlobalArgs {
  readonly sweep: string;
  readonly trial: number;
  readonly json: boolean;
}

export const showCommand: CommandModule<GlobalArgs, ShowArgs> = {
  command: 'show <sweep> <trial>',
  describe: 'One trial: params, state and reason, metrics per step, events',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .positional('trial', { type: 'number', demandOption: true, describe: 'Trial number (as `sweep status` shows it, without #)' })
        .check((argv) => {
          if (!Number.isInteger(argv.trial) || argv.trial < 0) throw new UsageError(`<trial> must be a trial number like 3, got ${String(argv.trial)}`);
          return true;
        }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const trial = reader.trial(sweep.name, argv.trial);
      if (!trial) {
        const total = reader.summary(sweep.name)?.total ?? 0;
        throw new UsageError(`sweep '${sweep.name}' has no trial ${argv.trial}`, total > 0 ? `its trials are numbered 0–${total - 1}` : 'it has no trials yet');
      }
      if (argv.json) return outJson({ sweep: sweep.name, metric: sweep.metric, direction: sweep.direction, trial });
      out(formatTrial(sweep.name, sweep.metric, trial, specParamNames(sweep)));
    });
  },
};

export function formatTrial(sweep: string, metric: string, trial: TrialDetail, order: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`trial ${trial.number} of ${sweep}: ${trial.state}${trial.value !== undefined ? `  ${metric}=${formatNumber(trial.value)}` : ''}`);
  const duration = trial.startedAt !== undefined && trial.finishedAt !== undefined ? ` (${formatDuration((trial.finishedAt - trial.startedAt) / 1000)})` : '';
  lines.push(`attempt ${trial.attempt}, started ${formatTimestamp(trial.startedAt)}, finished ${formatTimestamp(trial.finishedAt)}${duration}`);
  if (trial.failureReason) lines.push(`reason: ${trial.failureReason}`);
  if (trial.finalValues) {
    lines.push(
      `final values: ${Object.entries(trial.finalValues)
        .map(([name, value]) => `${name}=${formatNumber(value)}`)
        .join('  ')}`,
    );
  }
  const names = [...order.filter((n) => n in trial.params), ...Object.keys(trial.params).filter((n) => !order.includes(n))];
  lines.push('', 'params');
  lines.push(
    names.length === 0
      ? '  (none)'
      : formatTable(
          names,
          [
            { header: 'name', cell: (n) => n },
            { header: 'value', cell: (n) => formatParamValue(trial.params[n]) },
          ],
          '  ',
        ),
  );
  lines.push('', 'metrics');
  if (trial.metrics.length === 0) lines.push('  (none reported)');
  else {
    const { perStep: metricNames } = splitMetrics(trial.metrics, metric);
    lines.push(
      formatTable(
        trial.metrics,
        [
          { header: 'step', cell: (m) => String(m.step), align: 'right' as const },
          ...metricNames.map((name) => ({ header: name, cell: (m: TrialDetail['metrics'][number]) => formatNumber(m.values[name]), align: 'right' as const })),
        ],
        '  ',
      ),
    );
  }
  const last = trial.metrics.at(-1);
  const finalNames = trial.metrics.length > 1 ? splitMetrics(trial.metrics, metric).final : [];
  if (last && finalNames.length > 0) {
    lines.push('', `final (step ${last.step})`);
    lines.push(
      formatTable(
        finalNames,
        [
          { header: 'metric', cell: (n) => n },
          { header: 'value', cell: (n) => formatNumber(last.values[n]), align: 'right' },
        ],
        '  ',
      ),
    );
  }
  lines.push('', 'events');
  if (trial.events.length === 0) lines.push('  (none)');
  else
    lines.push(
      formatTable(
        trial.events,
        [
          { header: 'time', cell: (e) => formatTimestamp(e.at) },
          { header: 'event', cell: (e) => e.kind },
          { header: 'message', cell: (e) => e.message },
        ],
        '  ',
      ),
    );
  return lines.join('\n');
}

/**
 * Metrics reported every step become columns (the tracked one first); those reported only at the
 * last step of a multi-step trial (test scores, parameter count) are listed apart as final.
 */
export function splitMetrics(metrics: TrialDetail['metrics'], tracked: string): { perStep: string[]; final: string[] } {
  const names = [...new Set(metrics.flatMap((m) => Object.keys(m.values)))];
  const last = metrics.at(-1);
  const onlyLast = (name: string) => metrics.length > 1 && metrics.every((m) => m === last || !(name in m.values));
  const perStep = names.filter((n) => !onlyLast(n)).sort((a, b) => (a === tracked ? -1 : b === tracked ? 1 : 0));
  return { perStep, final: names.filter(onlyLast) };
}
