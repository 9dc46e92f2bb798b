/** GET /api/sweeps/:name/front (issue 17): the Pareto front of a multi-objective or constrained sweep. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../api-error.js';
import { cached, requireSweep, type DashboardContext } from '../context.js';
import { buildFront } from '../pareto-front.js';
import { emptyQuery, sweepParams } from '../schemas.js';
import { multiObjectiveInfo } from '../sweep-spec-info.js';
import { sendJsonText } from './send-json.js';

export function registerFrontRoute(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string } }>('/api/sweeps/:name/front', { schema: { params: sweepParams, querystring: emptyQuery } }, async (request, reply) => {
    const sweep = requireSweep(context, request.params.name);
    const info = multiObjectiveInfo(sweep);
    if (info === undefined)
      throw notFound(
        `sweep '${sweep.name}' is not a multi-objective sweep: it has no Pareto front`,
        `it optimizes one metric (${sweep.metric}, ${sweep.direction}) without constraints; a front needs \`metrics:\` with 2 or more objectives, or \`constraints:\`, in the spec`,
      );
    return sendJsonText(
      reply,
      cached(context, `front:${sweep.name}`, () => JSON.stringify(buildFront(context.reader, context.trialLists.rows(sweep.name), sweep, info))),
    );
  });
}
