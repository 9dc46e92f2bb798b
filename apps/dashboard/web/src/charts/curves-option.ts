/**
 * Learning curves of the selected trials, overlaid: one line per trial, and a marker where a
 * pruned trial was stopped (its last reported step) or a failed one ended.
 */
import type { CurvesResponse } from '../api/types';
import { formatNumber } from '../model/format';
import { STATE_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';

export function curvesOption(curves: CurvesResponse): ChartOption {
  const stops = (state: 'PRUNED' | 'FAILED') =>
    curves.curves
      .filter((c) => c.state === state && c.points.length > 0)
      .map((c) => {
        const last = c.points[c.points.length - 1]!;
        return { value: [last[0], last[1] ?? null], name: `#${c.trial}` };
      });
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4, type: 'plain', data: ['pruned here', 'failed here'] },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesName, value, name } = p as { seriesName: string; value: [number, number | null]; name: string };
        const trial = seriesName.startsWith('#') ? seriesName : name;
        return `${trial} step ${value[0]}: ${formatNumber(value[1])}${seriesName.endsWith('here') ? ` (${seriesName})` : ''}`;
      },
    },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', ...sideName(curves.metric), scale: true },
    series: [
      ...curves.curves.map((c) => ({
        type: 'line' as const,
        name: `#${c.trial}`,
        data: c.points.map(([step, value]) => [step, value ?? null]),
        showSymbol: c.points.length < 30,
        symbolSize: 4,
        lineStyle: { width: 1.5, ...(c.state === 'PRUNED' ? { type: 'dashed' as const } : {}) },
        connectNulls: false,
      })),
      { type: 'scatter', name: 'pruned here', data: stops('PRUNED'), symbol: 'diamond', symbolSize: 11, itemStyle: { color: STATE_COLORS.PRUNED }, z: 5 },
      { type: 'scatter', name: 'failed here', data: stops('FAILED'), symbol: 'triangle', symbolSize: 11, itemStyle: { color: STATE_COLORS.FAILED }, z: 5 },
    ],
  };
}
