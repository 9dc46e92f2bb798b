/**
 * Parallel coordinates over every parameter and the metric, one line per COMPLETE trial, coloured
 * by the metric. Dragging along an axis selects a range (ECharts' axis area select); the sweep
 * page reads the selected trials back to filter the table.
 */
import type { Direction, ParamInfo, TrialRow } from '../api/types';
import { valueKey } from '../model/trial-filter';
import type { ChartOption } from './echarts-setup';
import { categoriesOf, isLogParam, numericValue } from './param-axis';

/** The trials drawn, in the order of the series' data (so a selected index maps back to a trial). */
export function parallelTrials(trials: readonly TrialRow[]): readonly TrialRow[] {
  return trials.filter((t) => t.state === 'COMPLETE' && t.value !== undefined && Number.isFinite(t.value));
}

export function parallelOption(trials: readonly TrialRow[], params: readonly ParamInfo[], metric: string, direction: Direction): ChartOption {
  const drawn = parallelTrials(trials);
  const axes = params.map((param, dim) =>
    param.kind === 'categorical'
      ? { dim, name: param.name, type: 'category' as const, data: categoriesOf(param, drawn) }
      : { dim, name: param.name, type: isLogParam(param, drawn) ? ('log' as const) : ('value' as const), scale: true },
  );
  const values = drawn.map((t) => t.value as number);
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  return {
    parallel: { left: 48, right: 96, top: 48, bottom: 32, parallelAxisDefault: { nameLocation: 'start', nameGap: 16, realtime: true } },
    parallelAxis: [...axes, { dim: params.length, name: metric, type: 'value', scale: true }],
    visualMap: {
      type: 'continuous',
      dimension: params.length,
      min,
      max: max > min ? max : min + 1,
      right: 8,
      top: 'middle',
      itemHeight: 140,
      precision: 3,
      // The better end in the strong colour, whichever way the metric goes.
      inRange: { color: direction === 'maximize' ? ['#E69F00', '#0072B2'] : ['#0072B2', '#E69F00'] },
      calculable: true,
    },
    series: [
      {
        type: 'parallel',
        lineStyle: { width: 1, opacity: drawn.length > 1000 ? 0.15 : 0.5 },
        inactiveOpacity: 0.03,
        activeOpacity: 0.9,
        progressive: 1000,
        smooth: false,
        data: drawn.map((t) => [
          ...params.map((param) => {
            const value = t.params[param.name];
            if (value === undefined) return '-';
            return param.kind === 'categorical' ? valueKey(value) : (numericValue(value) ?? '-');
          }),
          t.value as number,
        ]),
      },
    ],
  };
}
