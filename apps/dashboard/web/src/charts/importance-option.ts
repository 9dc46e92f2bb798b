/** Parameter importance as horizontal bars, most important on top. */
import type { ImportanceResponse } from '../api/types';
import type { ChartOption } from './echarts-setup';

/** `shown`: the params to draw, in any order (the bars keep the server's ranking). */
export function importanceOption(importance: ImportanceResponse, shown: readonly string[]): ChartOption {
  const rows = importance.importances.filter((r) => shown.includes(r.param)).reverse();
  return {
    grid: { left: 120, right: 48, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: rows.map((r) => r.param) },
    series: [
      {
        type: 'bar',
        name: 'importance',
        data: rows.map((r) => r.importance),
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => `${(Number(p.value) * 100).toFixed(1)}%` },
      },
    ],
  };
}
