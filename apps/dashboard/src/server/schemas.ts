/**
 * JSON schemas of the routes' path parameters and query strings. Every query schema refuses keys
 * it does not name (the error handler turns that into a 400 naming the key and the ones allowed),
 * and every one takes `token` (EventSource cannot send an Authorization header).
 */
import { TRIAL_STATES } from '@loopsweep/core';
import { SORT_ORDERS, TRIAL_SORTS } from '@loopsweep/store';

type Schema = Record<string, unknown>;

/** A query-string schema with `properties`, plus `param.<name>` keys when `paramFilters` is set. */
export function querySchema(properties: Record<string, Schema>, options: { paramFilters?: boolean; required?: string[] } = {}): Schema {
  return {
    type: 'object',
    properties: { ...properties, token: { type: 'string' } },
    ...(options.paramFilters === true
      ? { patternProperties: { '^param\\.': { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 100 } } }
      : {}),
    additionalProperties: false,
    ...(options.required === undefined ? {} : { required: options.required }),
  };
}

/** A sweep name as `sweep run` allows it (letters, digits, '.', '_', '-'); anything else cannot exist. */
const SWEEP_NAME: Schema = { type: 'string', minLength: 1, maxLength: 200 };

export const sweepParams: Schema = {
  type: 'object',
  properties: { name: SWEEP_NAME },
  required: ['name'],
  additionalProperties: false,
};

export const trialParams: Schema = {
  type: 'object',
  properties: { name: SWEEP_NAME, number: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } },
  required: ['name', 'number'],
  additionalProperties: false,
};

export const count: Schema = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
export const metricName: Schema = { type: 'string', minLength: 1, maxLength: 200 };

export const trialsQuery = querySchema(
  {
    state: { type: 'array', items: { type: 'string', enum: [...TRIAL_STATES] }, maxItems: TRIAL_STATES.length },
    // Stage names are the sweep's own ('search', 'rerun', 'confirm', …): any short text.
    stage: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 100 },
    sort: { type: 'string', enum: [...TRIAL_SORTS] },
    order: { type: 'string', enum: [...SORT_ORDERS] },
    limit: count,
    offset: count,
  },
  { paramFilters: true },
);

export const curvesQuery = querySchema({
  metric: metricName,
  // Trial numbers, comma-separated: `3,7,12`.
  trials: { type: 'string', pattern: '^\\d{1,15}(,\\d{1,15})*$', maxLength: 20000 },
});

export const importanceQuery = querySchema({ metric: metricName });

// A confidence of exactly 0 or 1 could never be met or never fail: the verdict needs (0, 1).
export const compareQuery = querySchema(
  { by: { type: 'string', minLength: 1, maxLength: 200 }, metric: metricName, confidence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
  { required: ['by'] },
);

export const eventsQuery = querySchema({ after: count, limit: { type: 'integer', minimum: 1, maximum: 100_000 } });

export const streamQuery = querySchema({ cursor: { type: 'string', maxLength: 60 } });

export const emptyQuery = querySchema({});

/** `format` takes only html: a Markdown report is a file plus a folder of charts (`sweep report --format md`). */
export const reportQuery = querySchema({ by: { type: 'string', minLength: 1, maxLength: 1000 }, format: { type: 'string', enum: ['html'] } });
