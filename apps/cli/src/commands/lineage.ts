import type { SweepRecord } from '@loopsweep/core';
import { memberLineage, type MemberLineage, type ScheduleRun, type SweepReader } from '@loopsweep/store';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { formatTable } from '../format/table.js';
import { formatNumber, formatParamValue, formatParams } from '../format/value.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface LineageArgs extends GlobalArgs {
  readonly sweep: string;
  readonly trial: number | undefined;
  readonly json: boolean;
}

export const lineageCommand: CommandModule<GlobalArgs, LineageArgs> = {
  command: 'lineage <sweep> [trial]',
  describe: 'Population-based training: the chain of trials behind a member (default: the best) and the schedule of params it trained with',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .positional('trial', { type: 'number', describe: 'Trial number (default: the best completed member)' })
        .check((argv) => {
          if (argv.trial !== undefined && (!Number.isInteger(argv.trial) || argv.trial < 0))
            throw new UsageError(`[trial] must be a trial number like 3, got ${String(argv.trial)}`);
          return true;
        }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const number = argv.trial ?? bestMember(reader, sweep);
      if (number === undefined) return out(`${sweep.name}: no completed member yet, so no lineage to show`);
      const rows = reader.trials(sweep.name);
      if (!rows.some((row) => row.number === number)) {
        throw new UsageError(
          `sweep '${sweep.name}' has no trial ${number}`,
          rows.length > 0 ? `its trials are numbered 0–${rows.length - 1}` : 'it has no trials yet',
        );
      }
      const lineage = memberLineage(rows, reader.learningCurves(sweep.name, sweep.metric), number);
      if (argv.json) return outJson(lineageJson(sweep.name, lineage, isPbt(sweep)));
      const state = rows.find((row) => row.number === number)?.state;
      out(formatLineage(sweep, lineage, specParamNames(sweep), state));
    });
  },
};

function isPbt(sweep: SweepRecord): boolean {
  return (sweep.spec as { sampler?: { type?: unknown } } | undefined)?.sampler?.type === 'pbt';
}

function bestMember(reader: SweepReader, sweep: SweepRecord): number | undefined {
  return reader.best(sweep.name, 1)[0]?.number;
}

export function lineageJson(sweep: string, lineage: MemberLineage, pbt: boolean) {
  return {
    sweep,
    trial: lineage.trial,
    pbt,
    chain: lineage.chain.map((segment) => ({
      number: segment.number,
      from_step: segment.fromStep,
      to_step: segment.toStep,
      params: segment.params,
      value: segment.value ?? null,
    })),
    schedule: lineage.schedule,
  };
}

/** `0.16 (epochs 1–4) → 0.13 (5–12)`. */
export function formatRuns(runs: readonly ScheduleRun[]): string {
  return runs.map((run, i) => `${formatParamValue(run.value)} (${i === 0 ? 'epochs ' : ''}${run.from}–${run.to})`).join(' → ');
}

export function formatLineage(sweep: SweepRecord, lineage: MemberLineage, order: readonly string[], state?: string): string {
  const lines: string[] = [];
  const member = lineage.chain.at(-1);
  const last = `${state === undefined ? '' : ` (${state})`}${member === undefined ? '' : `, ${sweep.metric}=${formatNumber(member.value)} at epoch ${member.toStep}`}`;
  if (lineage.chain.length === 1) {
    lines.push(`trial ${lineage.trial} of ${sweep.name}${last}: no lineage`);
    lines.push(
      isPbt(sweep)
        ? 'it is a first-generation member: it trained with the same params throughout (its schedule is constant)'
        : `${sweep.name} is not a population-based training sweep (sampler.type pbt): every trial trains with constant params`,
    );
  } else {
    lines.push(`trial ${lineage.trial} of ${sweep.name}${last}: ${lineage.chain.length} trials in its chain`);
  }
  lines.push('');
  lines.push(
    formatTable(lineage.chain, [
      { header: 'trial', cell: (s) => `#${s.number}`, align: 'right' },
      { header: 'epochs', cell: (s) => (s.toStep < s.fromStep ? '–' : `${s.fromStep}–${s.toStep}`), align: 'right' },
      { header: sweep.metric, cell: (s) => formatNumber(s.value), align: 'right' },
      { header: 'params', cell: (s) => formatParams(s.params, order) },
    ]),
  );
  const names = [...order.filter((n) => n in lineage.schedule), ...Object.keys(lineage.schedule).filter((n) => !order.includes(n))];
  const changed = names.filter((name) => (lineage.schedule[name]?.length ?? 0) > 1);
  const constant = names.filter((name) => !changed.includes(name));
  lines.push('', 'schedule');
  for (const name of changed) lines.push(`  ${name}: ${formatRuns(lineage.schedule[name] ?? [])}`);
  if (constant.length > 0) {
    lines.push(
      `  ${changed.length === 0 ? 'constant' : 'unchanged'}: ${constant.map((name) => `${name}=${formatParamValue(lineage.schedule[name]?.[0]?.value)}`).join(' ')}`,
    );
  }
  return lines.join('\n');
}
