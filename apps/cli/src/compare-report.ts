/** `sweep compare`'s table and verdict, also printed (compact) at the end of `sweep run`. */
import { compareStrategies, type Direction, type StrategyComparison, type StrategyGroup } from '@loopsweep/core';
import { comparableTrials, type SweepReader } from '@loopsweep/store';
import { formatTable, type Column } from './format/table.js';
import { formatNumber } from './format/value.js';

/** Stored trials with their learning curves, grouped by `by`. */
export function compareFromReader(reader: SweepReader, sweep: string, metric: string, direction: Direction, by: string): StrategyComparison {
  const { rows, curves } = reader.snapshot(() => ({ rows: reader.trials(sweep, {}), curves: reader.learningCurves(sweep, metric) }));
  return compareStrategies(comparableTrials(rows, curves), by, direction);
}

const iqr = (g: StrategyGroup) => (g.q1 === undefined || g.q3 === undefined ? '—' : `${formatNumber(g.q1)}–${formatNumber(g.q3)}`);

/** The full table: one row per value of the parameter, best median first, then the verdict. */
export function formatComparison(comparison: StrategyComparison, indent = ''): string {
  const columns: Column<StrategyGroup>[] = [
    { header: comparison.by, cell: (g) => g.label },
    { header: 'trials', cell: (g) => String(g.trials), align: 'right' },
    { header: 'complete', cell: (g) => String(g.complete), align: 'right' },
    { header: 'pruned', cell: (g) => String(g.pruned), align: 'right' },
    { header: 'failed', cell: (g) => String(g.failed), align: 'right' },
    { header: 'diverged', cell: (g) => String(g.diverged), align: 'right' },
    { header: 'best', cell: (g) => (g.best === undefined ? '—' : `${formatNumber(g.best)} #${g.bestTrial}`), align: 'right' },
    { header: 'median', cell: (g) => formatNumber(g.median), align: 'right' },
    { header: 'IQR', cell: iqr, align: 'right' },
    { header: 'epochs to best', cell: (g) => formatNumber(g.medianEpochsToBest), align: 'right' },
  ];
  return `${formatTable(comparison.groups, columns, indent)}\n${indent}${comparison.verdict}`;
}

/** Fewer columns, for the end of a run. */
export function formatCompactComparison(comparison: StrategyComparison, indent = '  '): string {
  const columns: Column<StrategyGroup>[] = [
    { header: comparison.by, cell: (g) => g.label },
    { header: 'done', cell: (g) => `${g.complete}/${g.trials}`, align: 'right' },
    { header: 'pruned', cell: (g) => String(g.pruned), align: 'right' },
    { header: 'failed', cell: (g) => String(g.failed), align: 'right' },
    { header: 'best', cell: (g) => formatNumber(g.best), align: 'right' },
    { header: 'median', cell: (g) => formatNumber(g.median), align: 'right' },
  ];
  return `${formatTable(comparison.groups, columns, indent)}\n${indent}${comparison.verdict}`;
}
