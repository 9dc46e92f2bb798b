/**
 * Slice plots: the metric against each parameter on its own small grid (one canvas for all, which
 * stays fast at 10,000 trials). Categorical values spread sideways a little so piles show.
 */
import type { ParamInfo, TrialRow } from '../api/types';
import { formatNumber, formatParam } from '../model/format';
import { valueKey } from '../model/trial-filter';
import { STATE_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { jitter } from './jitter';
import { categoriesOf, isLogParam, numericValue } from './param-axis';

export const SLICE_COLUMNS = 3;
export const SLICE_ROW_HEIGHT = 220;

/** What a slice plot reads of a trial (the report passes a sample of trimmed rows). */
export type SliceTrial = Pick<TrialRow, 'number' | 'state' | 'params' | 'value'>;

export function sliceOption(trials: readonly SliceTrial[], params: readonly ParamInfo[]): ChartOption {
  const drawn = trials.filter((t) => t.state === 'COMPLETE' && t.value !== undefined && Number.isFinite(t.value));
  const columns = Math.min(SLICE_COLUMNS, Math.max(1, params.length));
  const byNumber = new Map(drawn.map((t) => [t.number, t]));
  const cell = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  const large = drawn.length > 3000;
  return {
    title: params.map((param, i) => ({
      text: param.name,
      left: `${(cell(i).col + 0.5) * (100 / columns)}%`,
      top: cell(i).row * SLICE_ROW_HEIGHT + 4,
      textAlign: 'center',
      textStyle: { fontSize: 12 },
    })),
    grid: params.map((_, i) => ({
      left: `${cell(i).col * (100 / columns) + 6}%`,
      width: `${100 / columns - 9}%`,
      top: cell(i).row * SLICE_ROW_HEIGHT + 32,
      height: SLICE_ROW_HEIGHT - 72,
    })),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        // Points are [x, metric, trial number]: plain arrays, so large mode can take them.
        const { value, seriesName } = p as { value: [number, number, number]; seriesName: string };
        return `trial #${value[2]}: ${seriesName}=${formatParam(byNumber.get(value[2])?.params[seriesName])} → ${formatNumber(value[1])}`;
      },
    },
    xAxis: params.map((param, i) => {
      if (param.kind === 'categorical') {
        const categories = categoriesOf(param, drawn);
        // A value axis (so points can spread sideways) labelled at the whole numbers only.
        const positions = categories.map((_, index) => index);
        return {
          gridIndex: i,
          type: 'value' as const,
          min: -0.5,
          max: categories.length - 0.5,
          splitLine: { show: false },
          axisTick: { customValues: positions },
          axisLabel: { customValues: positions, formatter: (v: number) => categories[Math.round(v)] ?? '', hideOverlap: true },
        };
      }
      return { gridIndex: i, type: isLogParam(param, drawn) ? ('log' as const) : ('value' as const), scale: true };
    }),
    // The y axis stays at the grid's left edge (not at x = 0, which is inside a categorical axis).
    yAxis: params.map((_, i) => ({ gridIndex: i, type: 'value' as const, scale: true, axisLine: { onZero: false } })),
    series: params.map((param, i) => {
      const categories = param.kind === 'categorical' ? categoriesOf(param, drawn) : [];
      const data = drawn.flatMap((t) => {
        const value = t.params[param.name];
        const x =
          param.kind === 'categorical' ? (value === undefined ? undefined : categories.indexOf(valueKey(value)) + jitter(t.number)) : numericValue(value);
        return x === undefined ? [] : [[x, t.value as number, t.number]];
      });
      return {
        type: 'scatter' as const,
        name: param.name,
        xAxisIndex: i,
        yAxisIndex: i,
        data,
        symbolSize: large ? 3 : 5,
        large,
        itemStyle: { color: STATE_COLORS.COMPLETE, opacity: 0.6 },
      };
    }),
  };
}

export const sliceHeight = (params: number): number => Math.max(1, Math.ceil(params / SLICE_COLUMNS)) * SLICE_ROW_HEIGHT;
