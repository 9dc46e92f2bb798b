/**
 * GET /api/sweeps/:name/report — the file `sweep report` writes (issue 14), as a download: one
 * HTML file with the verdicts, the evidence and the data. Rendered once per data version.
 */
import type { FastifyInstance } from 'fastify';
import { loadReportCharts } from '../../report/charts.js';
import { defaultReportBy, unknownBy } from '../../report/report-data.js';
import { renderReportWith } from '../../report/render-report.js';
import { reportEnvironment } from '../../report/environment.js';
import { badRequest } from '../api-error.js';
import { cached, requireSweep, type DashboardContext } from '../context.js';
import { reportQuery, sweepParams } from '../schemas.js';
import { sweepParameters } from '../sweep-spec-info.js';

/** A file name any browser and file system takes. */
export const reportFileName = (sweep: string): string => `${sweep.replace(/[^A-Za-z0-9._-]+/g, '_')}-report.html`;

export function registerReportRoute(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string }; Querystring: { by?: string; format?: 'html' } }>(
    '/api/sweeps/:name/report',
    { schema: { params: sweepParams, querystring: reportQuery } },
    async (request, reply) => {
      const sweep = requireSweep(context, request.params.name);
      const by =
        request.query.by
          ?.split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '') ?? defaultReportBy(sweep);
      const missing = unknownBy(sweep, by);
      if (missing !== undefined) {
        const categorical = sweepParameters(sweep).filter((p) => p.kind === 'categorical');
        throw badRequest(
          `query.by: '${missing}' is not a categorical parameter of sweep '${sweep.name}'`,
          `its categorical parameters: ${categorical.map((p) => p.name).join(', ') || '(none)'}`,
        );
      }
      const charts = await loadReportCharts();
      const text = cached(
        context,
        `report:${sweep.name}:${by.join(',')}`,
        () => renderReportWith(charts, context.reader, sweep, { format: 'html', by, environment: reportEnvironment(), now: context.now() }).text,
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reportFileName(sweep.name)}"`)
        .send(text);
    },
  );
}
