/**
 * The report's learning curves: each value's best configuration over steps, the mean of its
 * confirmation replicates with their min–max band (stacked as the median-curve chart stacks its
 * band), or the best trial's own curve where there are no replicates.
 */
import type { BestConfigCurve } from '../../../src/api/report-types';
import { SERIES_COLORS } from '../charts/chart-themes';
import type { ChartOption } from '../charts/echarts-setup';
import { sideName } from '../charts/axis-name';

export function bestCurveOption(curves: readonly BestConfigCurve[], labels: readonly string[], metric: string): ChartOption {
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4, data: curves.map((c) => c.label) },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', ...sideName(metric), scale: true },
    series: curves.flatMap((c, i) => {
      const color = SERIES_COLORS[Math.max(0, labels.indexOf(c.label)) % SERIES_COLORS.length]!;
      const stack = `band\u0000${i}`;
      const band = c.trials.length > 1;
      return [
        ...(band
          ? [
              {
                type: 'line' as const,
                name: `${c.label}\u0000low`,
                stack,
                data: c.points.map((p) => [p.step, p.low]),
                showSymbol: false,
                lineStyle: { opacity: 0 },
                silent: true,
              },
              {
                type: 'line' as const,
                name: `${c.label}\u0000band`,
                stack,
                data: c.points.map((p) => [p.step, p.high - p.low]),
                showSymbol: false,
                lineStyle: { opacity: 0 },
                areaStyle: { color, opacity: 0.18 },
                silent: true,
              },
            ]
          : []),
        {
          type: 'line' as const,
          name: c.label,
          data: c.points.map((p) => [p.step, p.mean]),
          showSymbol: c.points.length < 30,
          itemStyle: { color },
          lineStyle: { color, width: 2 },
        },
      ];
    }),
  };
}
