/**
 * The report's charts come from the web app's chart code (web/src/report/report-charts.ts), which
 * `npm run build` bundles with ECharts into dist/report-charts/. This loads that bundle once.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportChart, ReportData } from '../api/report-types.js';

/** Beside dist/server (or, in tests, src/report): dist/report-charts/report-charts.js of this package. */
const BUNDLE = new URL('../../dist/report-charts/report-charts.js', import.meta.url);

export interface ChartModule {
  renderReportCharts(data: ReportData): ReportChart[];
}

let loaded: Promise<ChartModule> | undefined;

/** @throws Error naming the missing file and `npm run build` when the chart bundle was not built. */
export function loadReportCharts(): Promise<ChartModule> {
  if (loaded === undefined) {
    const file = fileURLToPath(BUNDLE);
    if (!existsSync(file)) throw new Error(`the report's chart module is not built (no ${file}); run \`npm run build\` at the repository root`);
    loaded = import(BUNDLE.href) as Promise<ChartModule>;
  }
  return loaded;
}
