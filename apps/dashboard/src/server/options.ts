/** What createDashboardServer takes, checked eagerly with exact messages. */

export interface DashboardServerOptions {
  /** The SQLite file `sweep run` writes. It is opened read-only and must exist. */
  readonly dbPath: string;
  /** Bind address. Default 127.0.0.1; any other than 127.0.0.1, ::1 or localhost requires a token. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** The token for /api requests; generated when the bind address is not loopback and none is given. */
  readonly token?: string;
  /** The built web app's folder. Default: dist/web of this package. */
  readonly webRoot?: string;
  /** How often live streams poll the database. Default 500 ms. */
  readonly pollMs?: number;
  /** How often an idle stream gets a comment line. Default 15 s. */
  readonly heartbeatMs?: number;
  /** A stream client resuming further behind than this many metric values gets a `reset` event instead. Default 100,000. */
  readonly maxCatchUpMetrics?: number;
  /** Fastify's logger setting. Default false (the CLI prints what matters itself). */
  readonly logger?: boolean;
  /** The clock for elapsed time and ETA. Default Date.now. */
  readonly now?: () => number;
}

export interface CheckedServerOptions {
  readonly dbPath: string;
  readonly host: string;
  readonly port: number;
  readonly token: string | undefined;
  readonly webRoot: string | undefined;
  readonly pollMs: number;
  readonly heartbeatMs: number;
  readonly maxCatchUpMetrics: number;
  readonly logger: boolean;
  readonly now: () => number;
}

/** The address could not be bound: what happened and how to fix it. */
export class DashboardStartError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DashboardStartError';
    this.hint = hint;
  }
}

/** A token is sent in headers and URLs: printable ASCII without spaces, long enough to resist guessing. */
const TOKEN_TEXT = /^[\x21-\x7e]{16,512}$/;

/** @throws {RangeError} naming the first bad option. */
export function checkServerOptions(options: DashboardServerOptions): CheckedServerOptions {
  if (typeof options.dbPath !== 'string' || options.dbPath === '') throw new RangeError('options.dbPath must be the path of a loopsweep database');
  const host = options.host ?? '127.0.0.1';
  if (host === '') throw new RangeError('options.host must be an address such as 127.0.0.1 or 0.0.0.0');
  const port = options.port ?? 8080;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new RangeError(`options.port must be an integer in 0..65535 (got ${String(port)})`);
  if (options.token !== undefined && !TOKEN_TEXT.test(options.token))
    throw new RangeError('options.token must be 16 to 512 printable characters without spaces');
  const pollMs = options.pollMs ?? 500;
  if (!(Number.isFinite(pollMs) && pollMs >= 10)) throw new RangeError(`options.pollMs must be at least 10 (got ${String(pollMs)})`);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  if (!(Number.isFinite(heartbeatMs) && heartbeatMs >= 10)) throw new RangeError(`options.heartbeatMs must be at least 10 (got ${String(heartbeatMs)})`);
  const maxCatchUpMetrics = options.maxCatchUpMetrics ?? 100_000;
  if (!(Number.isSafeInteger(maxCatchUpMetrics) && maxCatchUpMetrics >= 0))
    throw new RangeError(`options.maxCatchUpMetrics must be a non-negative integer (got ${String(maxCatchUpMetrics)})`);
  return {
    dbPath: options.dbPath,
    host,
    port,
    token: options.token,
    webRoot: options.webRoot,
    pollMs,
    heartbeatMs,
    maxCatchUpMetrics,
    logger: options.logger ?? false,
    now: options.now ?? Date.now,
  };
}
