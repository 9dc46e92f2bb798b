/** Strategy comparison: how often each value's trials were pruned, diverged or failed otherwise. */
import type { StrategyComparisonResponse } from '../api/types';
import { STATE_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

export function strategyRatesOption(comparison: StrategyComparisonResponse): ChartOption {
  const groups = comparison.views;
  const bar = (name: string, color: string, of: (g: (typeof groups)[number]) => number) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    data: groups.map((g) => Number(percent(of(g), g.trials).toFixed(1))),
  });
  return {
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', ...sideName('% of trials'), max: 100 },
    series: [
      bar('pruned', STATE_COLORS.PRUNED, (g) => g.pruned),
      bar('diverged', '#CC79A7', (g) => g.diverged),
      bar('failed otherwise', STATE_COLORS.FAILED, (g) => g.failed - g.diverged),
    ],
  };
}
