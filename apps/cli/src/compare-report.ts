/**
 * `sweep compare`'s table and verdict, also printed (compact) at the end of `sweep run`. Both print
 * core's judgeStrategies over the stored trials, as the dashboard does, so all three give one answer.
 */
import { comparisonProtocolOf, judgeStrategies, type JudgedGroup, type ParamValue, type StrategyVerdict, type SweepRecord } from '@loopsweep/core';
import { comparableTrials, type SweepReader, type TrialRow } from '@loopsweep/store';
import type { SweepFront } from './front.js';
import { formatTable, type Column } from './format/table.js';
import { formatNumber } from './format/value.js';

/**
 * The verdict on the values of `by` over every stored trial of `sweep`, with the sweep's seed and
 * its `compare:` block (if the spec has one).
 *
 * @throws RangeError when `confidence` is not in (0, 1) (judgeStrategies' message)
 */
export function judgeFromReader(reader: SweepReader, sweep: SweepRecord, by: string, confidence?: number): StrategyVerdict {
  return judgeRows(reader.trials(sweep.name, {}), sweep, sweep.direction, by, confidence);
}

function judgeRows(rows: readonly TrialRow[], sweep: SweepRecord, direction: 'minimize' | 'maximize', by: string, confidence?: number): StrategyVerdict {
  // The verdict reads final values only; learning curves would cost a read of every metric row.
  const protocol = comparisonProtocolOf(sweep.spec);
  return judgeStrategies(comparableTrials(rows, new Map()), {
    by,
    direction,
    seed: sweep.seed,
    ...(protocol !== undefined ? { protocol } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  });
}

/** One objective of a multi-objective sweep judged on its own: the verdict over each trial's final value of that objective. */
export interface ObjectiveVerdict {
  readonly metric: string;
  readonly direction: 'minimize' | 'maximize';
  readonly verdict: StrategyVerdict;
}

/** Each value of `by`'s share of the Pareto front: descriptive (it grows with the value's trial count), never a verdict. */
export interface FrontShare {
  readonly value: string;
  /** Front members with this value. */
  readonly front: number;
  /** `front` over the front's size, in [0, 1]; 0 when the front is empty. */
  readonly share: number;
  /** Feasible COMPLETE trials with this value: what it had to get onto the front with. */
  readonly feasible: number;
}

/**
 * The per-value analysis (judgeStrategies) run on each objective's final values in turn: a trial's
 * value for objective k is its recorded final value of k (the first objective's is its `value`).
 * A trial without a final value of k (failed, running) keeps no value. The infeasible COMPLETE
 * trials (front.summary.infeasible) are left out: a result that breaks a constraint is no result.
 */
export function judgeObjectives(reader: SweepReader, sweep: SweepRecord, front: SweepFront, by: string, confidence?: number): ObjectiveVerdict[] {
  const infeasible = new Set(front.summary.infeasible);
  const rows = reader.trials(sweep.name, {}).filter((row) => !infeasible.has(row.number));
  const finalValues = reader.finalValues(sweep.name);
  return front.objectives.map((objective) => {
    const objectiveRows = rows.map((row): TrialRow => {
      const { value: _first, ...rest } = row;
      const value = finalValues.get(row.number)?.[objective.name];
      return value === undefined ? rest : { ...rest, value };
    });
    return { metric: objective.name, direction: objective.goal, verdict: judgeRows(objectiveRows, sweep, objective.goal, by, confidence) };
  });
}

/** As judgeStrategies labels a group. */
const labelOf = (value: ParamValue | undefined): string => (value === undefined ? '(inactive)' : String(value));

/** The front's members counted by their value of `by`, in the order of the values' first appearance among the feasible trials. */
export function frontShare(front: SweepFront, by: string): FrontShare[] {
  const counts = new Map<string, { front: number; feasible: number }>();
  const count = (number: number) => {
    const label = labelOf(front.complete.get(number)?.params[by]);
    let entry = counts.get(label);
    if (entry === undefined) counts.set(label, (entry = { front: 0, feasible: 0 }));
    return entry;
  };
  for (const number of [...front.feasible].sort((a, b) => a - b)) count(number).feasible++;
  for (const member of front.summary.front) count(member.number).front++;
  const size = front.summary.front.length;
  return [...counts.entries()]
    .map(([value, c]) => ({ value, front: c.front, share: size === 0 ? 0 : c.front / size, feasible: c.feasible }))
    .sort((a, b) => b.front - a.front || b.feasible - a.feasible);
}

/** The share table with the caution that it is descriptive. */
export function formatFrontShare(shares: readonly FrontShare[], by: string, frontSize: number, indent = ''): string {
  const columns: Column<FrontShare>[] = [
    { header: by, cell: (s) => s.value },
    { header: 'on front', cell: (s) => String(s.front), align: 'right' },
    { header: 'share', cell: (s) => `${Math.round(s.share * 100)}%`, align: 'right' },
    { header: 'feasible trials', cell: (s) => String(s.feasible), align: 'right' },
  ];
  return [
    `${indent}Pareto front (${frontSize} ${frontSize === 1 ? 'trial' : 'trials'}) by ${by}:`,
    formatTable(shares, columns, `${indent}  `),
    `${indent}  (descriptive: a value's share grows with how many trials it got and with noise, so it names no winner)`,
  ].join('\n');
}

/** The parameter a run's summary judges: the protocol's, else the first with at least two values (as the spec lists them). */
export function summaryParam(spec: unknown, parameters: Readonly<Record<string, { readonly values?: readonly unknown[] }>>): string | undefined {
  return comparisonProtocolOf(spec)?.by ?? Object.entries(parameters).find(([, p]) => (p.values?.length ?? 0) >= 2)?.[0];
}

const estimate = (g: JudgedGroup) => (g.estimate === null ? (g.status === 'insufficient_data' ? 'too few' : '—') : formatNumber(g.estimate));
const interval = (g: JudgedGroup) => (g.ci === null ? '—' : `[${formatNumber(g.ci[0])}, ${formatNumber(g.ci[1])}]`);
const pBest = (g: JudgedGroup) => (g.p_best === null ? '—' : g.p_best.toFixed(2));
const best = (g: JudgedGroup) => (g.best === null ? '—' : `${formatNumber(g.best)} #${g.best_trial}`);

function estimateHeader(verdict: StrategyVerdict): string {
  if (verdict.estimator === 'expected_best') return verdict.common_n === null ? 'expected best' : `E[best of ${verdict.common_n}]`;
  return verdict.estimator;
}

function marked(verdict: StrategyVerdict, g: JudgedGroup): string {
  return verdict.winner === g.label ? `${g.label} ★` : g.label;
}

/** The full table (one row per value, best estimate first), what was compared, the statement and, for an ordinary sweep, the compare block that would confirm it. */
export function formatComparison(verdict: StrategyVerdict, indent = ''): string {
  const columns: Column<JudgedGroup>[] = [
    { header: verdict.by, cell: (g) => marked(verdict, g) },
    { header: 'n', cell: (g) => String(g.n), align: 'right' },
    { header: estimateHeader(verdict), cell: estimate, align: 'right' },
    { header: `${Number((verdict.confidence * 100).toPrecision(4))}% CI`, cell: interval, align: 'right' },
    { header: 'P(best)', cell: pBest, align: 'right' },
    { header: 'best', cell: best, align: 'right' },
    { header: 'trials', cell: (g) => String(g.trials), align: 'right' },
    { header: 'pruned', cell: (g) => String(g.pruned), align: 'right' },
    { header: 'failed', cell: (g) => (g.diverged > 0 ? `${g.failed} (${g.diverged} diverged)` : String(g.failed)), align: 'right' },
    ...(verdict.groups.some((g) => g.running > 0) ? [{ header: 'running', cell: (g: JudgedGroup) => String(g.running), align: 'right' as const }] : []),
  ];
  const lines = [
    formatTable(verdict.groups, columns, indent),
    `${indent}decision: ${verdict.decision}${verdict.winner !== undefined ? ` (${verdict.by}=${verdict.winner})` : ''} — compared ${verdict.compared}`,
    `${indent}${verdict.statement}`,
  ];
  if (verdict.suggestion !== undefined) {
    lines.push(`${indent}To confirm this ranking, add to the spec (then \`sweep run\` it; see "Comparing strategies" in the README):`);
    lines.push(...verdict.suggestion.split('\n').map((line) => `${indent}  ${line}`));
  }
  return lines.join('\n');
}

/** Fewer columns, for the end of a run. */
export function formatCompactComparison(verdict: StrategyVerdict, sweep: string, indent = '  '): string {
  const columns: Column<JudgedGroup>[] = [
    { header: verdict.by, cell: (g) => marked(verdict, g) },
    { header: 'n', cell: (g) => String(g.n), align: 'right' },
    { header: estimateHeader(verdict), cell: estimate, align: 'right' },
    { header: 'CI', cell: interval, align: 'right' },
    { header: 'P(best)', cell: pBest, align: 'right' },
    { header: 'best', cell: (g) => formatNumber(g.best ?? undefined), align: 'right' },
    { header: 'pruned', cell: (g) => String(g.pruned), align: 'right' },
    { header: 'failed', cell: (g) => String(g.failed), align: 'right' },
  ];
  const hint =
    verdict.mode === 'exploratory' ? `\n${indent}(\`sweep compare ${sweep} --by ${verdict.by}\` shows the compare: block that would confirm it)` : '';
  return `${formatTable(verdict.groups, columns, indent)}\n${indent}${verdict.decision}: ${verdict.statement}${hint}`;
}
