/** GET …/curves, …/importance, …/compare and …/events of a sweep. */
import type { SweepRecord } from '@loopsweep/core';
import type { FastifyInstance } from 'fastify';
import type { CurvesResponse, EventsResponse, TrialCurve } from '../../api/types.js';
import { badRequest } from '../api-error.js';
import { buildComparison } from '../comparison.js';
import { cached, requireSweep, type DashboardContext } from '../context.js';
import { computeImportance } from '../importance.js';
import { compareQuery, curvesQuery, eventsQuery, importanceQuery, sweepParams } from '../schemas.js';
import { sweepParameters } from '../sweep-spec-info.js';
import { sendJsonText } from './send-json.js';

/** Beyond this many curves a chart is unreadable and the response megabytes long. */
export const MAX_CURVES = 500;

/** @throws {ApiError} 400 naming the metrics the sweep has, when `metric` is not one of them. */
function checkMetric(context: DashboardContext, sweep: SweepRecord, metric: string): void {
  if (metric === sweep.metric) return;
  const names = context.metricNames.of(sweep.name);
  if (!names.includes(metric)) throw badRequest(`sweep '${sweep.name}' has no metric '${metric}'`, `its metrics: ${names.join(', ') || '(none reported yet)'}`);
}

function curves(context: DashboardContext, sweep: SweepRecord, metric: string, wanted: number[] | undefined): CurvesResponse {
  // States (and, without `trials=`, which trials) from the in-memory list: no second read of every trial.
  const rows = context.trialLists.rows(sweep.name);
  const states = new Map(rows.map((row) => [row.number, row.state]));
  const numbers = wanted === undefined ? rows.map((row) => row.number) : [...new Set(wanted)].sort((a, b) => a - b);
  const truncated = numbers.length > MAX_CURVES;
  const kept = numbers.slice(0, MAX_CURVES);
  const result: TrialCurve[] = [...context.reader.learningCurves(sweep.name, metric, kept)].map(([trial, points]) => ({
    trial,
    state: states.get(trial) ?? 'QUEUED',
    points,
  }));
  return { metric, curves: result, ...(truncated ? { truncated: true as const } : {}) };
}

export function registerAnalysisRoutes(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string }; Querystring: { metric?: string; trials?: string } }>(
    '/api/sweeps/:name/curves',
    { schema: { params: sweepParams, querystring: curvesQuery } },
    async (request, reply) => {
      const sweep = requireSweep(context, request.params.name);
      const metric = request.query.metric ?? sweep.metric;
      checkMetric(context, sweep, metric);
      const wanted = request.query.trials?.split(',').map(Number);
      return sendJsonText(
        reply,
        cached(context, `curves:${sweep.name}:${metric}:${request.query.trials ?? '*'}`, () => JSON.stringify(curves(context, sweep, metric, wanted))),
      );
    },
  );

  app.get<{ Params: { name: string }; Querystring: { metric?: string } }>(
    '/api/sweeps/:name/importance',
    { schema: { params: sweepParams, querystring: importanceQuery } },
    async (request) => {
      const sweep = requireSweep(context, request.params.name);
      const metric = request.query.metric ?? sweep.metric;
      checkMetric(context, sweep, metric);
      return cached(context, `importance:${sweep.name}:${metric}`, () => computeImportance(context.reader, context.trialLists.rows(sweep.name), sweep, metric));
    },
  );

  app.get<{ Params: { name: string }; Querystring: { by: string; metric?: string; confidence?: number } }>(
    '/api/sweeps/:name/compare',
    { schema: { params: sweepParams, querystring: compareQuery } },
    async (request, reply) => {
      const sweep = requireSweep(context, request.params.name);
      const { by } = request.query;
      const categorical = sweepParameters(sweep)
        .filter((param) => param.kind === 'categorical')
        .map((param) => param.name);
      if (!categorical.includes(by))
        throw badRequest(
          `query.by: '${by}' is not a categorical parameter of sweep '${sweep.name}'`,
          `its categorical parameters: ${categorical.join(', ') || '(none)'}`,
        );
      const metric = request.query.metric ?? sweep.metric;
      checkMetric(context, sweep, metric);
      return sendJsonText(
        reply,
        cached(context, `compare:${sweep.name}:${by}:${metric}:${request.query.confidence ?? ''}`, () =>
          JSON.stringify(buildComparison(context.reader, context.trialLists.rows(sweep.name), sweep, by, metric, request.query.confidence)),
        ),
      );
    },
  );

  app.get<{ Params: { name: string }; Querystring: { after?: number; limit?: number } }>(
    '/api/sweeps/:name/events',
    { schema: { params: sweepParams, querystring: eventsQuery } },
    async (request): Promise<EventsResponse> => {
      const sweep = requireSweep(context, request.params.name);
      const { after, limit } = request.query;
      return { events: context.reader.events(sweep.name, { ...(after === undefined ? {} : { afterId: after }), limit: limit ?? 1000 }) };
    },
  );
}
