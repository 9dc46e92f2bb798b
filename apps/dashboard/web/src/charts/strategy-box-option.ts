/**
 * Strategy comparison, the final metric per value of the compared param: a box (quartiles from
 * the API, whiskers at the extremes) with every completed trial drawn over it, so that a box of
 * three trials does not look as sure as a box of three hundred.
 */
import type { StrategyComparisonResponse } from '../api/types';
import { formatNumber } from '../model/format';
import type { ChartOption } from './echarts-setup';
import { SERIES_COLORS } from './chart-themes';
import { jitter } from './jitter';
import { sideName } from './axis-name';

export function strategyBoxOption(comparison: StrategyComparisonResponse): ChartOption {
  const groups = comparison.views;
  const boxes = groups.map((g) =>
    g.values.length === 0 || g.median === undefined || g.q1 === undefined || g.q3 === undefined
      ? []
      : [Math.min(...g.values), g.q1, g.median, g.q3, Math.max(...g.values)],
  );
  return {
    grid: { left: 64, right: 24, top: 24, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', ...sideName(comparison.metric), scale: true },
    series: [
      {
        type: 'boxplot',
        name: 'quartiles',
        data: boxes.map((box, i) => ({
          value: box,
          itemStyle: { color: 'transparent', borderColor: SERIES_COLORS[i % SERIES_COLORS.length], borderWidth: 2 },
        })),
        tooltip: {
          formatter: (p: unknown) => {
            const { dataIndex } = p as { dataIndex: number };
            const g = groups[dataIndex]!;
            return `${comparison.by}=${g.label}: median ${formatNumber(g.median)}, IQR ${formatNumber(g.q1)}–${formatNumber(g.q3)} over ${g.complete} completed`;
          },
        },
      },
      {
        type: 'scatter',
        name: 'trials',
        symbolSize: 5,
        data: groups.flatMap((g, i) =>
          g.values.map((v, j) => ({
            value: [i + jitter(j * 7919 + i, 0.25), v],
            itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length], opacity: 0.55 },
          })),
        ),
        tooltip: { formatter: (p: unknown) => formatNumber((p as { value: [number, number] }).value[1]) },
      },
    ],
  };
}
