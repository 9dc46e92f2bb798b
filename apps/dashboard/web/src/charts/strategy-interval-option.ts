/**
 * The verdict as a picture: each value's estimate with its confidence interval as an error bar,
 * and, for a comparison protocol, every confirmation replicate as a point beside it. Values
 * without an estimate (too few trials or replicates) get no bar.
 */
import type { StrategyComparisonResponse } from '../api/types';
import { formatNumber } from '../model/format';
import { SERIES_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { jitter } from './jitter';
import { sideName } from './axis-name';

/** What the y axis shows, in words. */
export function estimateName(comparison: StrategyComparisonResponse): string {
  if (comparison.estimator === 'expected_best') return `expected best of ${comparison.common_n ?? 'n'} (${comparison.metric})`;
  return `${comparison.estimator === 'iqm' ? 'IQM' : 'mean'} of replicates (${comparison.metric})`;
}

/** The subset of ECharts' custom-series API that renderItem uses here. */
interface RenderApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(size: [number, number]): [number, number];
}

export function strategyIntervalOption(comparison: StrategyComparisonResponse): ChartOption {
  const groups = comparison.groups;
  const pct = `${Number((comparison.confidence * 100).toPrecision(4))}%`;
  const bars = groups.flatMap((g, i) =>
    g.ci === null || g.estimate === null ? [] : [{ value: [i, g.ci[0], g.ci[1], g.estimate], color: SERIES_COLORS[i % SERIES_COLORS.length]! }],
  );
  return {
    grid: { left: 64, right: 24, top: 24, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', ...sideName(estimateName(comparison)), scale: true },
    series: [
      {
        type: 'custom',
        name: `${pct} CI`,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
        renderItem: (_params: unknown, api: unknown) => {
          // Called as methods: ECharts' api may rely on `this`.
          const a = api as RenderApi;
          const x = a.value(0);
          const low = a.coord([x, a.value(1)]);
          const high = a.coord([x, a.value(2)]);
          const middle = a.coord([x, a.value(3)]);
          const cap = a.size([1, 0])[0] * 0.12;
          const color = bars.find((b) => b.value[0] === x)?.color ?? SERIES_COLORS[0]!;
          const style = { stroke: color, lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - cap, y1: low[1], x2: low[0] + cap, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - cap, y1: high[1], x2: high[0] + cap, y2: high[1] }, style },
              { type: 'circle', shape: { cx: middle[0], cy: middle[1], r: 5 }, style: { fill: color } },
            ],
          };
        },
        tooltip: {
          formatter: (p: unknown) => {
            const [i, low, high, estimate] = (p as { value: number[] }).value as [number, number, number, number];
            const g = groups[i]!;
            return `${comparison.by}=${g.label}: ${formatNumber(estimate)}, ${pct} CI ${formatNumber(low)}–${formatNumber(high)}, P(best) ${g.p_best === null ? '—' : g.p_best.toFixed(2)}, n ${g.n}`;
          },
        },
      },
      {
        type: 'scatter',
        name: 'replicates',
        symbolSize: 6,
        data: groups.flatMap((g, i) =>
          g.replicates.map((r) => ({
            value: [i + 0.25 + jitter(r.trial * 7919 + i, 0.08), r.value],
            itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length], opacity: 0.6 },
          })),
        ),
        tooltip: { formatter: (p: unknown) => `replicate: ${formatNumber((p as { value: [number, number] }).value[1])}` },
      },
    ],
  };
}
