/** Parameter importance as horizontal bars, most important on top. */
import type { ImportanceResponse } from '../api/types';
import type { ChartOption } from './echarts-setup';

export function importanceOption(importance: ImportanceResponse): ChartOption {
  const rows = [...importance.importances].reverse();
  return {
    grid: { left: 120, right: 48, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: rows.map((r) => r.param) },
    series: [{ type: 'bar', name: 'importance', data: rows.map((r) => r.importance), label: { show: true, position: 'right', formatter: (p: { value: unknown }) => `${(Number(p.value) * 100).toFixed(1)}%` } }],
  };
}
