/** One trial's metrics per step, one line each (the legend toggles them: loss and accuracy differ in scale). */
import type { TrialDetailResponse } from '../api/types';
import type { ChartOption } from './echarts-setup';

export function metricNamesOf(trial: TrialDetailResponse): string[] {
  return [...new Set(trial.metrics.flatMap((m) => Object.keys(m.values)))].sort();
}

export function trialMetricsOption(trial: TrialDetailResponse): ChartOption {
  const names = metricNamesOf(trial);
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', scale: true },
    series: names.map((name) => ({
      type: 'line' as const,
      name,
      showSymbol: trial.metrics.length < 40,
      data: trial.metrics.filter((m) => name in m.values).map((m) => [m.step, m.values[name] ?? null]),
    })),
  };
}
