/**
 * Expected best after n trials (Dodge et al. 2019) per value of the compared param, n = 1…N of its
 * completed search trials, with the bootstrap band as a stacked area (low, then high − low), as
 * the median-curve chart draws its band. It compares values at equal budgets: a value tried more
 * often has a better maximum just by having drawn more.
 */
import type { StrategyComparisonResponse } from '../api/types';
import { formatNumber } from '../model/format';
import { SERIES_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';
import { bandedLineSeries } from './banded-line';

export function strategyExpectedOption(comparison: StrategyComparisonResponse): ChartOption {
  const groups = comparison.groups.filter((g) => g.expected_best !== null);
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4, data: groups.map((g) => g.label) },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const list = (items as { seriesName: string; axisValue: number }[]).filter((i) => !i.seriesName.includes('\u0000'));
        const n = list[0]?.axisValue ?? 1;
        return [
          `after ${n} trial${n === 1 ? '' : 's'}`,
          ...list.map((i) => {
            const curve = groups.find((g) => g.label === i.seriesName)?.expected_best;
            const k = n - 1;
            return curve && k < curve.expected.length
              ? `${i.seriesName}: ${formatNumber(curve.expected[k])} (${formatNumber(curve.low[k])}–${formatNumber(curve.high[k])})`
              : '';
          }),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', name: 'trials (n)', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 1 },
    yAxis: { type: 'value', ...sideName(`expected best ${comparison.metric}`), scale: true },
    series: groups.flatMap((g) => {
      const curve = g.expected_best!;
      const color = SERIES_COLORS[comparison.groups.indexOf(g) % SERIES_COLORS.length]!;
      return bandedLineSeries(
        g.label,
        color,
        curve.expected.map((mid, k) => ({ x: k + 1, low: curve.low[k]!, mid, high: curve.high[k]! })),
      );
    }),
  };
}
