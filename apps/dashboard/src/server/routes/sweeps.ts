/** GET /api/health, /api/sweeps and /api/sweeps/:name. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { HealthResponse, SweepsResponse } from '../../api/types.js';
import { requireSweep, type DashboardContext } from '../context.js';
import { buildOverview } from '../overview.js';
import { emptyQuery, sweepParams } from '../schemas.js';
import { listSweeps } from '../sweep-list.js';

export function registerSweepRoutes(app: FastifyInstance, context: DashboardContext): void {
  app.get('/api/health', { schema: { querystring: emptyQuery } }, async (): Promise<HealthResponse> => {
    // Proves the file is still readable, not just that the process is up.
    context.reader.dataVersion();
    return { ok: true, version: context.version, database: path.basename(context.reader.path), readOnly: true };
  });

  app.get('/api/sweeps', { schema: { querystring: emptyQuery } }, async (): Promise<SweepsResponse> => ({ sweeps: listSweeps(context.reader) }));

  app.get<{ Params: { name: string } }>('/api/sweeps/:name', { schema: { params: sweepParams, querystring: emptyQuery } }, async (request) => {
    return buildOverview(context, requireSweep(context, request.params.name));
  });
}
