/** `sweep report` (issue 14): a sweep's question, answer and evidence as one HTML file or Markdown with SVG charts. */
export { renderReport, REPORT_FORMATS, type ReportFormat, type RenderedReport, type RenderOptions } from './render-report.js';
export { buildReportData, categoricalParams, defaultReportBy, unknownBy, type ReportOptions } from './report-data.js';
export { reportEnvironment } from './environment.js';
export type { MarkdownFile } from './to-markdown.js';
