/** Strategy comparison: each value's best-so-far over the sweep's trial numbers (who got good first). */
import type { StrategyComparisonResponse } from '../api/types';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';

export function strategyBestOption(comparison: StrategyComparisonResponse): ChartOption {
  const lastTrial = Math.max(0, ...comparison.views.flatMap((g) => g.bestSoFar.map(([trial]) => trial)));
  return {
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { top: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 28, minInterval: 1, max: lastTrial },
    yAxis: { type: 'value', ...sideName(`best ${comparison.metric}`), scale: true },
    series: comparison.views.map((g) => ({
      type: 'line' as const,
      name: g.label,
      step: 'end' as const,
      showSymbol: g.bestSoFar.length < 40,
      // Carried to the last trial so that a value that stopped improving still reads as a level.
      data: g.bestSoFar.length > 0 ? [...g.bestSoFar.map(([t, b]) => [t, b]), [lastTrial, g.bestSoFar[g.bestSoFar.length - 1]![1]]] : [],
    })),
  };
}
