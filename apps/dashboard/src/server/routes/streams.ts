/**
 * GET /api/sweeps/:name/stream and GET /api/stream: Server-Sent Events. Everything that can be
 * refused (bad cursor, unknown sweep, no token) is refused as JSON before the stream starts.
 */
import type { ChangeCursor } from '@loopsweep/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseCursor } from '../../api/cursor.js';
import { badRequest } from '../api-error.js';
import { requireSweep, type DashboardContext } from '../context.js';
import { SseClient } from '../live/sse-client.js';
import { emptyQuery, streamQuery, sweepParams } from '../schemas.js';

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2000;

/** Last-Event-ID (a reconnecting EventSource) wins over ?cursor= (the page's first connect). */
function startCursor(request: FastifyRequest<{ Querystring: { cursor?: string } }>): ChangeCursor | undefined {
  const header = request.headers['last-event-id'];
  const [source, text] = typeof header === 'string' && header !== '' ? ['Last-Event-ID', header] : ['query.cursor', request.query.cursor];
  if (text === undefined) return undefined;
  const cursor = parseCursor(text);
  if (cursor === undefined)
    throw badRequest(
      `${source} '${text}' is not a cursor`,
      'a cursor is <trialUpdatedAt>.<metricId>.<eventId>, as GET /api/sweeps/:name returns it; leave it out to start from now',
    );
  return cursor;
}

/** Takes the response over from Fastify for a long-lived stream. */
function openStream(reply: FastifyReply): SseClient {
  reply.hijack();
  return new SseClient(reply.raw, RETRY_MS);
}

export function registerStreamRoutes(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: { name: string }; Querystring: { cursor?: string } }>(
    '/api/sweeps/:name/stream',
    { schema: { params: sweepParams, querystring: streamQuery } },
    async (request, reply) => {
      const from = startCursor(request);
      const sweep = requireSweep(context, request.params.name);
      const client = openStream(reply);
      try {
        context.hub.watchSweep(sweep.name, client, from);
      } catch (error) {
        request.log.error({ err: error }, 'stream failed to start');
        client.close();
      }
    },
  );

  app.get('/api/stream', { schema: { querystring: emptyQuery } }, async (request, reply) => {
    const client = openStream(reply);
    try {
      context.hub.watchSweeps(client);
    } catch (error) {
      request.log.error({ err: error }, 'stream failed to start');
      client.close();
    }
  });
}
