/** GET /api/sweeps/:name/population (issue 18): a population-based training sweep's members, lineage and best schedule. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../api-error.js';
import { cached, requireSweep, type DashboardContext } from '../context.js';
import { buildPopulation, pbtSampler } from '../population.js';
import { emptyQuery, sweepParams } from '../schemas.js';
import { sendJsonText } from './send-json.js';

export function registerPopulationRoute(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string } }>(
    '/api/sweeps/:name/population',
    { schema: { params: sweepParams, querystring: emptyQuery } },
    async (request, reply) => {
      const sweep = requireSweep(context, request.params.name);
      const sampler = pbtSampler(sweep);
      if (sampler === undefined)
        throw notFound(
          `sweep '${sweep.name}' is not a population-based training sweep: it has no population`,
          'a population needs `sampler: { type: pbt }` in the spec',
        );
      return sendJsonText(
        reply,
        cached(context, `population:${sweep.name}`, () => JSON.stringify(buildPopulation(context.reader, context.trialLists.rows(sweep.name), sweep, sampler))),
      );
    },
  );
}
