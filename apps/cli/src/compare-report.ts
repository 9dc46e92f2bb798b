/**
 * `sweep compare`'s table and verdict, also printed (compact) at the end of `sweep run`. Both print
 * core's judgeStrategies over the stored trials, as the dashboard does, so all three give one answer.
 */
import { comparisonProtocolOf, judgeStrategies, type JudgedGroup, type StrategyVerdict, type SweepRecord } from '@loopsweep/core';
import { comparableTrials, type SweepReader } from '@loopsweep/store';
import { formatTable, type Column } from './format/table.js';
import { formatNumber } from './format/value.js';

/**
 * The verdict on the values of `by` over every stored trial of `sweep`, with the sweep's seed and
 * its `compare:` block (if the spec has one).
 *
 * @throws RangeError when `confidence` is not in (0, 1) (judgeStrategies' message)
 */
export function judgeFromReader(reader: SweepReader, sweep: SweepRecord, by: string, confidence?: number): StrategyVerdict {
  const rows = reader.trials(sweep.name, {});
  // The verdict reads final values only; learning curves would cost a read of every metric row.
  const protocol = comparisonProtocolOf(sweep.spec);
  return judgeStrategies(comparableTrials(rows, new Map()), {
    by,
    direction: sweep.direction,
    seed: sweep.seed,
    ...(protocol !== undefined ? { protocol } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  });
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
