/** GET /api/sweeps/:name/trials (filtered, sorted, paged, with the total) and …/trials/:number. */
import type { ParamValue, TrialState } from '@loopsweep/core';
import type { SortOrder, TrialQuery, TrialSort } from '@loopsweep/store';
import type { FastifyInstance } from 'fastify';
import type { ParamInfo, TrialDetailResponse, TrialsResponse } from '../../api/types.js';
import { badRequest, notFound } from '../api-error.js';
import { cached, requireSweep, type DashboardContext } from '../context.js';
import { emptyQuery, sweepParams, trialParams, trialsQuery } from '../schemas.js';
import { paramValueFromText, sweepParameters } from '../sweep-spec-info.js';
import { sendJsonText } from './send-json.js';

type TrialsQueryString = { state?: TrialState[]; stage?: string[]; sort?: TrialSort; order?: SortOrder; limit?: number; offset?: number } & Record<
  string,
  unknown
>;

const PARAM_PREFIX = 'param.';

/** `param.<name>=<value>` keys as a store filter, each value checked against the sweep's param. */
function paramFilters(query: Record<string, unknown>, parameters: readonly ParamInfo[]): Record<string, ParamValue[]> | undefined {
  const filters: Record<string, ParamValue[]> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (!key.startsWith(PARAM_PREFIX)) continue;
    const name = key.slice(PARAM_PREFIX.length);
    const param = parameters.find((candidate) => candidate.name === name);
    if (param === undefined)
      throw badRequest(`unknown parameter '${name}' in query.${key}`, `this sweep's parameters: ${parameters.map((p) => p.name).join(', ') || '(none)'}`);
    filters[name] = (raw as string[]).map((text) => {
      const value = paramValueFromText(param, text);
      if (value === undefined) {
        throw badRequest(
          `query.${key}: '${text}' is not a value of ${name}`,
          param.kind === 'categorical' ? `its values: ${(param.values ?? []).map(String).join(', ')}` : 'a numeric parameter takes a number, e.g. 0.01',
        );
      }
      return value;
    });
  }
  return Object.keys(filters).length === 0 ? undefined : filters;
}

/** Every trial by number, unpaged: the query TrialLists answers from memory. */
function isWholeList(query: TrialQuery): boolean {
  return (
    query.states === undefined &&
    query.stages === undefined &&
    query.params === undefined &&
    (query.sort ?? 'number') === 'number' &&
    (query.order ?? 'asc') === 'asc' &&
    query.limit === undefined &&
    (query.offset ?? 0) === 0
  );
}

export function registerTrialRoutes(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string }; Querystring: TrialsQueryString }>(
    '/api/sweeps/:name/trials',
    { schema: { params: sweepParams, querystring: trialsQuery } },
    async (request, reply) => {
      const sweep = requireSweep(context, request.params.name);
      const { state, stage, sort, order, limit, offset, token: _token, ...rest } = request.query;
      const params = paramFilters(rest, sweepParameters(sweep));
      const filter = {
        ...(state === undefined ? {} : { states: state }),
        ...(stage === undefined ? {} : { stages: stage }),
        ...(params === undefined ? {} : { params }),
      };
      const query: TrialQuery = {
        ...filter,
        ...(sort === undefined ? {} : { sort }),
        ...(order === undefined ? {} : { order }),
        ...(limit === undefined ? {} : { limit }),
        ...(offset === undefined ? {} : { offset }),
      };
      // The whole list by number (what the web app loads): kept in memory, updated per changed trial.
      if (isWholeList(query)) return sendJsonText(reply, context.trialLists.body(sweep.name));
      // Any other query: serialized once per commit.
      const text = cached(context, `trials:${sweep.name}:${JSON.stringify(query)}`, () => {
        const { reader } = context;
        const response: TrialsResponse = reader.snapshot(() => ({ total: reader.countTrials(sweep.name, filter), trials: reader.trials(sweep.name, query) }));
        return JSON.stringify(response);
      });
      return sendJsonText(reply, text);
    },
  );

  app.get<{ Params: { name: string; number: number } }>(
    '/api/sweeps/:name/trials/:number',
    { schema: { params: trialParams, querystring: emptyQuery } },
    async (request): Promise<TrialDetailResponse> => {
      const sweep = requireSweep(context, request.params.name);
      const trial = context.reader.trial(sweep.name, request.params.number);
      if (trial === undefined)
        throw notFound(
          `sweep '${sweep.name}' has no trial ${request.params.number}`,
          `its trials are numbered from 0; it has ${context.reader.countTrials(sweep.name)}`,
        );
      // NaN metric values become null in JSON, as TrialDetailResponse says.
      return trial;
    },
  );
}
