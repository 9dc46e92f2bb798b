import type { SweepRecord } from '@loopsweep/core';
import type { TrialRow } from '@loopsweep/store';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { formatTable } from '../format/table.js';
import { formatNumber, formatParams } from '../format/value.js';
import { bestFeasible, formatConsidered, frontStatus, formatConstraint, formatHypervolume, readFront, referenceOf, type SweepFront } from '../front.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface BestArgs extends GlobalArgs {
  readonly sweep: string;
  readonly top: number | undefined;
  readonly json: boolean;
}

/** Trials shown by default for a one-metric sweep (a Pareto front is shown whole unless --top says). */
const DEFAULT_TOP = 5;

export const bestCommand: CommandModule<GlobalArgs, BestArgs> = {
  command: 'best <sweep>',
  describe: 'The best completed trials of a sweep, with their params; for a multi-objective sweep, its Pareto front',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .option('top', { alias: 'k', type: 'number', describe: `How many trials (default ${DEFAULT_TOP}; a Pareto front: all of it)` })
        .check((argv) => {
          if (argv.top !== undefined && (!Number.isInteger(argv.top) || argv.top < 1))
            throw new UsageError(`--top must be a whole number ≥ 1, got ${String(argv.top)}`);
          return true;
        }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const front = readFront(reader, sweep);
      if (front !== undefined && front.objectives.length > 1) return printFront(sweep, front, argv);
      const top = argv.top ?? DEFAULT_TOP;
      const trials = front === undefined ? reader.best(sweep.name, top) : bestFeasible(front, sweep.direction, top);
      const infeasible = front === undefined ? {} : { infeasible: front.summary.infeasible.length };
      if (argv.json) return outJson({ sweep: sweep.name, metric: sweep.metric, direction: sweep.direction, trials, ...infeasible });
      if (trials.length === 0) return out(`${sweep.name}: no ${front === undefined ? 'completed' : 'feasible completed'} trial yet`);
      const order = specParamNames(sweep);
      const feasible = front === undefined ? '' : ` feasible (${front.constraints.map(formatConstraint).join(', ')})`;
      out(
        `${sweep.name}: best ${trials.length === 1 ? `${feasible.trim()} trial` : `${trials.length}${feasible} trials`} by ${sweep.metric} (${sweep.direction})`,
      );
      out(
        formatTable(trials, [
          { header: 'rank', cell: (t) => String(trials.indexOf(t) + 1), align: 'right' },
          { header: 'trial', cell: (t) => `#${t.number}`, align: 'right' },
          { header: sweep.metric, cell: (t) => formatNumber(t.value), align: 'right' },
          { header: 'params', cell: (t) => formatParams(t.params, order) },
        ]),
      );
      if (front !== undefined) out(formatConsidered(frontStatus(front)));
    });
  },
};

function printFront(sweep: SweepRecord, front: SweepFront, argv: BestArgs): void {
  const members = argv.top === undefined ? front.summary.front : front.summary.front.slice(0, argv.top);
  const rows = members.map((member) => {
    const row = front.complete.get(member.number) as TrialRow;
    return { number: member.number, contribution: member.contribution, values: { ...front.values.get(member.number) }, params: row.params };
  });
  if (argv.json) {
    return outJson({
      sweep: sweep.name,
      objectives: front.objectives.map((objective) => ({ name: objective.name, goal: objective.goal })),
      constraints: front.constraints,
      pareto: rows.map((row) => ({
        number: row.number,
        values: Object.fromEntries(front.metrics.map((name) => [name, row.values[name] ?? null])),
        params: row.params,
        contribution: row.contribution,
      })),
      front_size: front.summary.front.length,
      considered: front.summary.considered,
      infeasible: front.summary.infeasible,
      hypervolume: front.summary.hypervolume,
      reference: referenceOf(front),
      reference_source: front.summary.referenceSource,
    });
  }
  const goals = front.objectives.map((objective) => `${objective.name} (${objective.goal})`).join(', ');
  const constraints = front.constraints.length === 0 ? '' : `, subject to ${front.constraints.map(formatConstraint).join(', ')}`;
  if (rows.length === 0) {
    out(`${sweep.name}: no feasible completed trial yet (${goals}${constraints})`);
    return out(formatConsidered(frontStatus(front)));
  }
  const shown = rows.length < front.summary.front.length ? `${rows.length} of ${front.summary.front.length}` : String(rows.length);
  out(
    `${sweep.name}: Pareto front, ${shown} ${front.summary.front.length === 1 ? 'trial' : 'trials'} by ${goals}${constraints}; ranked by hypervolume contribution`,
  );
  const objectiveNames = front.objectives.map((objective) => objective.name);
  const order = specParamNames(sweep);
  out(
    formatTable(rows, [
      { header: 'rank', cell: (r) => String(rows.indexOf(r) + 1), align: 'right' },
      { header: 'trial', cell: (r) => `#${r.number}`, align: 'right' },
      ...front.objectives.map((objective) => ({
        header: `${objective.name} (${objective.goal === 'minimize' ? 'min' : 'max'})`,
        cell: (r: (typeof rows)[number]) => formatNumber(r.values[objective.name]),
        align: 'right' as const,
      })),
      ...front.metrics
        .filter((name) => !objectiveNames.includes(name))
        .map((name) => ({ header: name, cell: (r: (typeof rows)[number]) => formatNumber(r.values[name]), align: 'right' as const })),
      { header: 'params', cell: (r) => formatParams(r.params, order) },
    ]),
  );
  out(`${formatConsidered(frontStatus(front))}; ${formatHypervolume(frontStatus(front))}`);
}
