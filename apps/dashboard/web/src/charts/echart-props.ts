import type { ECharts } from 'echarts/core';
import type { ChartOption } from './echarts-setup';

export interface EChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  readonly height?: number;
  /** ECharts events (`click`, `axisareaselected`…) by name; the handler also gets the chart. */
  readonly on?: Readonly<Record<string, (params: unknown, chart: ECharts) => void>>;
  readonly testId?: string;
}
