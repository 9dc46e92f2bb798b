/** Bad input gets a 400 or 404 in the API's one error shape, naming the input and how to fix it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../api/types.js';
import { startHarness, type Harness } from '../test-support/server-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

async function error(path: string): Promise<{ status: number; error: ApiErrorBody['error'] }> {
  const { status, body } = await harness.get<ApiErrorBody>(path);
  return { status, error: body.error };
}

describe('400: bad query strings', () => {
  it.each([
    [
      '/api/sweeps/strategies/trials?colour=red',
      "unknown query parameter 'colour'",
      'this route takes: state, stage, sort, order, limit, offset, param.<name> (and token)',
    ],
    ['/api/sweeps?limit=3', "unknown query parameter 'limit'", 'this route takes no query parameters (besides token)'],
    ['/api/sweeps/strategies/curves?trial=1', "unknown query parameter 'trial'", 'this route takes: metric, trials (and token)'],
    ['/api/sweeps/strategies/compare', 'query.by is required', 'this route takes: by, metric, confidence (and token)'],
  ])('%s', async (path, message, hint) => {
    expect(await error(path)).toEqual({ status: 400, error: { code: 'bad_request', message, hint } });
  });

  it.each([
    ['/api/sweeps/strategies/trials?limit=-1', 'query.limit must be >= 0'],
    ['/api/sweeps/strategies/trials?limit=ten', 'query.limit must be integer'],
    ['/api/sweeps/strategies/trials?offset=1.5', 'query.offset must be integer'],
    ['/api/sweeps/strategies/curves?trials=1;2', 'query.trials must match pattern "^\\d{1,15}(,\\d{1,15})*$"'],
    ['/api/sweeps/strategies/events?limit=0', 'query.limit must be >= 1'],
    ['/api/sweeps/strategies/trials/-3', 'path.number must be >= 0'],
    ['/api/sweeps/strategies/trials/abc', 'path.number must be integer'],
  ])('%s', async (path, message) => {
    expect(await error(path)).toMatchObject({ status: 400, error: { code: 'bad_request', message } });
  });

  it('lists the allowed values of an enum', async () => {
    expect(await error('/api/sweeps/strategies/trials?state=DONE')).toEqual({
      status: 400,
      error: {
        code: 'bad_request',
        message: 'query.state must be equal to one of the allowed values',
        hint: 'one of: QUEUED, RUNNING, COMPLETE, PRUNED, FAILED',
      },
    });
    expect((await error('/api/sweeps/strategies/trials?sort=speed')).error.hint).toBe('one of: number, value, started, duration');
  });

  it("names the sweep's params for an unknown one, and its values for a bad value", async () => {
    expect(await error('/api/sweeps/strategies/trials?param.optimiser=adam')).toEqual({
      status: 400,
      error: {
        code: 'bad_request',
        message: "unknown parameter 'optimiser' in query.param.optimiser",
        hint: "this sweep's parameters: optimizer, momentum, lr, cell, units",
      },
    });
    expect(await error('/api/sweeps/strategies/trials?param.optimizer=adamw')).toEqual({
      status: 400,
      error: { code: 'bad_request', message: "query.param.optimizer: 'adamw' is not a value of optimizer", hint: 'its values: sgd, momentum, adam' },
    });
    expect((await error('/api/sweeps/strategies/trials?param.lr=fast')).error.message).toBe("query.param.lr: 'fast' is not a value of lr");
  });

  it('refuses compare by a numeric param, naming the categorical ones', async () => {
    expect(await error('/api/sweeps/strategies/compare?by=lr')).toEqual({
      status: 400,
      error: {
        code: 'bad_request',
        message: "query.by: 'lr' is not a categorical parameter of sweep 'strategies'",
        hint: 'its categorical parameters: optimizer, cell',
      },
    });
  });

  it('refuses a metric the sweep never reported, naming the ones it did', async () => {
    for (const route of ['curves', 'importance', 'compare?by=cell&']) {
      const path = `/api/sweeps/strategies/${route}${route.includes('?') ? '' : '?'}metric=val_f1`;
      expect(await error(path)).toEqual({
        status: 400,
        error: { code: 'bad_request', message: "sweep 'strategies' has no metric 'val_f1'", hint: 'its metrics: loss, val_accuracy' },
      });
    }
  });

  it('refuses a cursor that is not one, from the query or Last-Event-ID', async () => {
    expect((await error('/api/sweeps/strategies/stream?cursor=yesterday')).error.message).toBe("query.cursor 'yesterday' is not a cursor");
    const { status, body } = await harness.get<ApiErrorBody>('/api/sweeps/strategies/stream', { 'last-event-id': '1.2' });
    expect(status).toBe(400);
    expect(body.error.message).toBe("Last-Event-ID '1.2' is not a cursor");
  });
});

describe('404: unknown sweep, trial or route', () => {
  it('names the sweeps there are', async () => {
    for (const route of ['', '/trials', '/trials/1', '/curves', '/importance', '/compare?by=cell', '/events', '/stream']) {
      expect(await error(`/api/sweeps/nope${route}`)).toEqual({
        status: 404,
        error: { code: 'not_found', message: "no sweep named 'nope'", hint: 'sweeps in this database: strategies, loss, empty' },
      });
    }
  });

  it('says how many trials a sweep has for an unknown trial', async () => {
    expect(await error('/api/sweeps/loss/trials/9')).toEqual({
      status: 404,
      error: { code: 'not_found', message: "sweep 'loss' has no trial 9", hint: 'its trials are numbered from 0; it has 4' },
    });
  });

  it('answers an unknown API route with JSON, never the web app', async () => {
    expect(await error('/api/trials')).toEqual({
      status: 404,
      error: { code: 'not_found', message: 'no API route GET /api/trials', hint: 'API.md lists the routes; all are GET under /api/' },
    });
  });

  it('handles names with characters that need escaping', async () => {
    expect((await error(`/api/sweeps/${encodeURIComponent("x'; DROP TABLE trials; --")}`)).error.message).toBe("no sweep named 'x'; DROP TABLE trials; --'");
    expect((await harness.get('/api/sweeps/strategies/trials')).status).toBe(200);
  });
});
