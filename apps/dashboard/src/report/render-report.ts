/** A sweep's report, from the database to the text of its file(s): what `sweep report` writes and `GET …/report` serves. */
import type { SweepRecord } from '@loopsweep/core';
import type { SweepReader } from '@loopsweep/store';
import type { ReportData } from '../api/report-types.js';
import { loadReportCharts, type ChartModule } from './charts.js';
import { reportDocument } from './document.js';
import { buildReportData, type ReportOptions } from './report-data.js';
import { toHtml } from './to-html.js';
import { toMarkdown, type MarkdownFile } from './to-markdown.js';

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  readonly data: ReportData;
  /** The HTML file, or the Markdown file. */
  readonly text: string;
  /** For Markdown: the chart files, relative to the .md file's folder. */
  readonly files: readonly MarkdownFile[];
}

export interface RenderOptions extends ReportOptions {
  readonly format: ReportFormat;
  /** Markdown only: the folder beside the .md that holds its charts (default `report_files`). */
  readonly filesDir?: string;
}

/**
 * Synchronous once the chart module is loaded (`loadReportCharts()`), so a server can cache it by data version.
 *
 * @throws RangeError when `options.by` names a param that is not categorical (check with unknownBy first)
 */
export function renderReportWith(chartModule: ChartModule, reader: SweepReader, sweep: SweepRecord, options: RenderOptions): RenderedReport {
  const data = buildReportData(reader, sweep, options);
  const charts = chartModule.renderReportCharts(data);
  const blocks = reportDocument(data, charts);
  if (options.format === 'html') return { data, text: toHtml(data, blocks), files: [] };
  const { markdown, files } = toMarkdown(data, blocks, options.filesDir ?? 'report_files');
  return { data, text: markdown, files };
}

/** @throws RangeError when `options.by` names a param that is not categorical (check with unknownBy first) */
export async function renderReport(reader: SweepReader, sweep: SweepRecord, options: RenderOptions): Promise<RenderedReport> {
  return renderReportWith(await loadReportCharts(), reader, sweep, options);
}
