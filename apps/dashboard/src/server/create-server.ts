/**
 * The dashboard's HTTP server: one read-only SweepReader (it never writes the database), the JSON
 * API with a schema on every route, the live streams, and the built web app.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { SweepReader } from '@loopsweep/store';
import { ApiError } from './api-error.js';
import { generateToken, isLoopbackHost, presentedToken, tokenMatches } from './auth.js';
import type { DashboardContext } from './context.js';
import { DerivedCache } from './derived-cache.js';
import { handleError } from './error-handler.js';
import { FeedHub } from './live/feed-hub.js';
import { MetricNames } from './metric-names.js';
import { TrialLists } from './trial-list.js';
import { checkServerOptions, DashboardStartError, type DashboardServerOptions } from './options.js';
import { registerAnalysisRoutes } from './routes/analysis.js';
import { registerFrontRoute } from './routes/front.js';
import { registerPopulationRoute } from './routes/population.js';
import { registerReportRoute } from './routes/report.js';
import { registerStreamRoutes } from './routes/streams.js';
import { registerSweepRoutes } from './routes/sweeps.js';
import { registerTrialRoutes } from './routes/trials.js';
import { defaultWebRoot, isApiPath, registerWebApp } from './web-app.js';

/** A listening dashboard. */
export interface DashboardServer {
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  readonly origin: string;
  /** The address to open: the origin, with `/?token=…` when a token is needed. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The token every /api request needs; undefined on a loopback bind without --token. */
  readonly token: string | undefined;
  /** The Fastify instance (for `inject` in tests). */
  readonly app: FastifyInstance;
  /** How many sweeps are being polled for live streams now (one poller per sweep, shared by its clients). */
  readonly watchedSweeps: number;
  /** Ends every stream, stops polling, closes the port and the database. Closing twice does nothing. */
  close(): Promise<void>;
}

function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function requireToken(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    if (tokenMatches(presentedToken(request.headers.authorization, request.query), token)) return;
    const error = new ApiError(
      'unauthorized',
      'this dashboard needs its token',
      'open the URL `sweep dashboard` printed (it ends in ?token=…), or send `Authorization: Bearer <token>`',
    );
    await reply.status(error.status).type('application/json; charset=utf-8').send(error.body());
  });
}

/**
 * Opens the database read-only and starts listening.
 * @throws {RangeError} for a bad option (the message names it).
 * @throws {StoreError} when there is no database at dbPath, it is not a loopsweep database, or
 *   its schema is newer or older than this loopsweep reads.
 * @throws {DashboardStartError} when the address cannot be bound (port in use, no such address).
 */
export async function createDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const settings = checkServerOptions(options);
  const reader = SweepReader.open(settings.dbPath);
  const token = settings.token ?? (isLoopbackHost(settings.host) ? undefined : generateToken());
  const app = Fastify({
    logger: settings.logger,
    routerOptions: { maxParamLength: 300 },
    // Refuse unknown query keys instead of dropping them; 'array' turns `state=X` into ['X'].
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    // Streams are ended by the hub on close; anything else idle goes at once.
    forceCloseConnections: true,
  });
  const hub = new FeedHub(reader, {
    pollMs: settings.pollMs,
    heartbeatMs: settings.heartbeatMs,
    maxCatchUpMetrics: settings.maxCatchUpMetrics,
    onError: (error) => app.log.warn({ err: error }, 'live poll failed'),
  });
  const context: DashboardContext = {
    reader,
    cache: new DerivedCache(),
    hub,
    metricNames: new MetricNames(reader),
    trialLists: new TrialLists(reader),
    version: packageVersion(),
    now: settings.now,
  };
  app.setErrorHandler(handleError);
  if (token !== undefined) requireToken(app, token);
  registerSweepRoutes(app, context);
  registerTrialRoutes(app, context);
  registerAnalysisRoutes(app, context);
  registerFrontRoute(app, context);
  registerPopulationRoute(app, context);
  registerReportRoute(app, context);
  registerStreamRoutes(app, context);
  app.addHook('preClose', async () => hub.close());
  app.addHook('onClose', async () => reader.close());
  try {
    await registerWebApp(app, settings.webRoot ?? defaultWebRoot());
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await app.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new DashboardStartError(`port ${settings.port} on ${settings.host} is already in use`, 'pass another --port, or --port 0 for a free one', {
        cause: error,
      });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new DashboardStartError(
        `cannot listen on ${settings.host}: no such address on this machine`,
        'pass --host 127.0.0.1, or an address of this machine (0.0.0.0 for all)',
        { cause: error },
      );
    if (code === 'EACCES')
      throw new DashboardStartError(`not allowed to listen on port ${settings.port}`, 'ports below 1024 need root; pass --port 8080 or --port 0', {
        cause: error,
      });
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  const origin = originOf(settings.host, port);
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: token === undefined ? `${origin}/` : `${origin}/?token=${token}`,
    host: settings.host,
    port,
    token,
    app,
    get watchedSweeps() {
      return hub.sweepFeeds;
    },
    close: () => (closing ??= app.close()),
  };
}
