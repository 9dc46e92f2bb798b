/**
 * ECharts, trimmed to what the dashboard draws: the full bundle is 1.3 MB, these parts are a
 * fraction of it. Every chart module imports `echarts` and `ChartOption` from here.
 */
import { BarChart, BoxplotChart, CustomChart, LineChart, ParallelChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, BoxplotSeriesOption, CustomSeriesOption, LineSeriesOption, ParallelSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  GridComponent,
  LegendPlainComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { registerChartThemes } from './chart-themes';

echarts.use([
  BarChart,
  BoxplotChart,
  // The verdict's error bars: a vertical segment with caps per value has no built-in series.
  CustomChart,
  LineChart,
  ParallelChart,
  ScatterChart,
  DataZoomInsideComponent,
  GridComponent,
  LegendPlainComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);
registerChartThemes(echarts.registerTheme);

// ParallelComponentOption is left out of the union: its axis types make ComposeOption collapse to
// an index signature that rejects every option. `parallel`/`parallelAxis` stay accepted (untyped).
export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | ParallelSeriesOption
  | ScatterSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { echarts };
