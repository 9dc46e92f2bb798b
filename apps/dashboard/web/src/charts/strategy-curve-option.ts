/**
 * Strategy comparison: each value's median learning curve with its q1–q3 band. The band is drawn
 * as a stacked area (q1, then q3 − q1 on top) so no custom series is needed.
 */
import type { StrategyComparisonResponse } from '../api/types';
import { formatNumber } from '../model/format';
import { SERIES_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';
import { bandedLineSeries } from './banded-line';

export function strategyCurveOption(comparison: StrategyComparisonResponse): ChartOption {
  const groups = comparison.views.filter((g) => g.medianCurve.length > 0);
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4, data: groups.map((g) => g.label) },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const list = (items as { seriesName: string; dataIndex: number; axisValue: number }[]).filter((i) => !i.seriesName.includes('\u0000'));
        const step = list[0]?.axisValue;
        return [
          `step ${step}`,
          ...list.map((i) => {
            const g = groups.find((x) => x.label === i.seriesName);
            const p = g?.medianCurve.find((c) => c.step === step);
            return p ? `${i.seriesName}: ${formatNumber(p.median)} (${formatNumber(p.q1)}–${formatNumber(p.q3)}, ${p.trials} trials)` : '';
          }),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', ...sideName(comparison.metric), scale: true },
    series: groups.flatMap((g) => {
      const color = SERIES_COLORS[comparison.views.indexOf(g) % SERIES_COLORS.length]!;
      return bandedLineSeries(
        g.label,
        color,
        g.medianCurve.map((p) => ({ x: p.step, low: p.q1, mid: p.median, high: p.q3 })),
      );
    }),
  };
}
