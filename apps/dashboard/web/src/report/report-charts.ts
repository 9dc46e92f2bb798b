/**
 * The report's charts (issue 14), drawn with the dashboard's own chart code: the same option
 * builders as the sweep page, rendered by ECharts from `echarts/core` with its SVG renderer in
 * server-side mode, so a report needs no browser to be written and no script to be read.
 * `vite build -c web/report.vite.config.ts` bundles this file (ECharts included) into
 * dist/report-charts/report-charts.js for the server (src/report/charts.ts).
 */
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChart, ReportData } from '../../../src/api/report-types';
import { registerChartThemes } from '../charts/chart-themes';
import type { ChartOption } from '../charts/echarts-setup';
import { importanceOption } from '../charts/importance-option';
import { sliceHeight, sliceOption } from '../charts/slice-option';
import { estimateName, strategyIntervalOption } from '../charts/strategy-interval-option';
import { strategyExpectedOption } from '../charts/strategy-expected-option';
import { bestCurveOption } from './best-curve-option';

echarts.use([BarChart, CustomChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, TitleComponent, SVGRenderer]);
registerChartThemes(echarts.registerTheme);

export const REPORT_CHART_WIDTH = 760;

function draw(option: ChartOption, height: number): string {
  const chart = echarts.init(null, 'loopsweep-light', { renderer: 'svg', ssr: true, width: REPORT_CHART_WIDTH, height });
  try {
    // No tooltips in a static picture (the component is not even loaded); no animation, so the string holds the final frame.
    const { tooltip: _tooltip, ...drawn } = option;
    chart.setOption({ ...drawn, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every chart the report has data for, in the order the report shows them. */
export function renderReportCharts(data: ReportData): ReportChart[] {
  const charts: ReportChart[] = [];
  const metric = data.sweep.metric;
  for (const { by, comparison, curves } of data.comparisons) {
    const protocol = comparison.mode === 'protocol';
    if (comparison.groups.some((g) => g.ci !== null))
      charts.push({
        id: `verdict-${by}`,
        title: `${by}: ${estimateName(comparison)}`,
        caption: `Each value's estimate with its ${Number((comparison.confidence * 100).toPrecision(4))}% interval${protocol ? '; every confirmation replicate as a point beside it' : ''}.`,
        svg: draw(strategyIntervalOption(comparison), 320),
      });
    if (comparison.groups.some((g) => g.expected_best !== null))
      charts.push({
        id: `expected-${by}`,
        title: `${by}: expected best ${metric} after n trials`,
        caption: 'Expected best of n search trials per value (Dodge et al. 2019), with its bootstrap band: values compared at equal budgets.',
        svg: draw(strategyExpectedOption(comparison), 320),
      });
    if (curves.length > 0)
      charts.push({
        id: `curves-${by}`,
        title: `${by}: learning curves of each value's best configuration`,
        caption: curves.some((c) => c.trials.length > 1)
          ? 'Mean over the confirmation replicates, with their min–max band.'
          : 'The best trial of each value (an ordinary sweep has no replicates to average).',
        svg: draw(
          bestCurveOption(
            curves,
            comparison.groups.map((g) => g.label),
            metric,
          ),
          320,
        ),
      });
  }
  if (data.importance !== undefined) {
    const params = data.importance.importances.map((i) => i.param);
    charts.push({
      id: 'importance',
      title: 'Parameter importance',
      caption: `${data.importance.method}, over ${data.importance.trialsUsed} completed trials.`,
      svg: draw(importanceOption(data.importance, params), Math.max(140, 48 + 28 * params.length)),
    });
  }
  if (data.slices !== undefined) {
    const { slices } = data;
    charts.push({
      id: 'slices',
      title: `${metric} against the most important parameters`,
      caption:
        slices.trials.length < slices.complete
          ? `${slices.trials.length} of ${slices.complete} completed search trials: an even sample by trial number plus the 10 best.`
          : `Every completed search trial (${slices.complete}).`,
      svg: draw(sliceOption(slices.trials, slices.params), sliceHeight(slices.params.length)),
    });
  }
  return charts;
}
