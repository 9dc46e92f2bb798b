/**
 * Optimization history: each trial's metric by trial number, coloured by state, with the
 * best-so-far staircase. Failed trials have no value; they sit on the axis floor as crosses so
 * that a run of failures is visible where it happened.
 */
import type { Direction, TrialRow } from '../api/types';
import { bestSoFar } from '../model/best-so-far';
import { formatNumber } from '../model/format';
import { STATE_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';

type Point = [number, number];

export function historyOption(trials: readonly TrialRow[], metric: string, direction: Direction): ChartOption {
  const finite = trials.filter((t) => t.value !== undefined && Number.isFinite(t.value));
  const values = finite.map((t) => t.value as number);
  const floor = values.length > 0 ? (direction === 'maximize' ? Math.min(...values) : Math.max(...values)) : 0;
  const complete: Point[] = [];
  const pruned: Point[] = [];
  const failed: Point[] = [];
  for (const t of trials) {
    const hasValue = t.value !== undefined && Number.isFinite(t.value);
    if (t.state === 'COMPLETE' && hasValue) complete.push([t.number, t.value]);
    else if (t.state === 'PRUNED') pruned.push([t.number, hasValue ? t.value : floor]);
    else if (t.state === 'FAILED' || (t.state === 'COMPLETE' && !hasValue)) failed.push([t.number, floor]);
  }
  const large = trials.length > 3000;
  const scatter = (name: string, data: Point[], color: string, symbol: string) =>
    ({ type: 'scatter', name, data, symbol, symbolSize: large ? 4 : 7, itemStyle: { color, opacity: 0.8 }, large, largeThreshold: 3000 }) as const;
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: Point };
        return seriesName === 'failed'
          ? `trial #${value[0]}: failed`
          : `${seriesName === 'best so far' ? 'best up to' : 'trial'} #${value[0]}: ${formatNumber(value[1])}`;
      },
    },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', ...sideName(metric), scale: true },
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }],
    series: [
      scatter('complete', complete, STATE_COLORS.COMPLETE, 'circle'),
      scatter('pruned', pruned, STATE_COLORS.PRUNED, 'diamond'),
      scatter('failed', failed, STATE_COLORS.FAILED, 'triangle'),
      {
        type: 'line',
        name: 'best so far',
        data: bestSoFar(trials, direction),
        step: 'end',
        showSymbol: false,
        lineStyle: { width: 2 },
        itemStyle: { color: STATE_COLORS.RUNNING },
      },
    ],
  };
}
