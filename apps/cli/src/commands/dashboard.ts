/**
 * `sweep dashboard`: serves the results dashboard over the database, read-only and live, until
 * Ctrl-C. The database may be written by a running sweep meanwhile.
 */
import { spawn } from 'node:child_process';
import type { DashboardServer } from '@loopsweep/dashboard';
import type { CommandModule } from 'yargs';
import { existingDb } from '../db-path.js';
import { UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { err, out } from '../output.js';

interface DashboardArgs extends GlobalArgs {
  readonly host: string;
  readonly port: number;
  readonly token: string | undefined;
  readonly open: boolean;
}

/**
 * Starts the server, turning what it refuses into bad-input errors (exit 2) with a hint. The
 * dashboard (Fastify and its plugins) is loaded only here, so every other command starts without it.
 */
async function start(args: DashboardArgs): Promise<{ server: DashboardServer; isLoopbackHost: (host: string) => boolean }> {
  const { createDashboardServer, DashboardStartError, isLoopbackHost } = await import('@loopsweep/dashboard');
  try {
    const server = await createDashboardServer({
      dbPath: existingDb(args.db),
      host: args.host,
      port: args.port,
      ...(args.token === undefined ? {} : { token: args.token }),
    });
    return { server, isLoopbackHost };
  } catch (error) {
    if (error instanceof DashboardStartError) throw new UsageError(error.message, error.hint);
    if (error instanceof RangeError) throw new UsageError(error.message.replace(/^options\.(\w+)/, '--$1'), 'see `sweep dashboard --help`');
    throw error;
  }
}

/** Best effort: a desktop's browser via xdg-open. Never fails the command; says so when it cannot. */
function openBrowser(url: string): void {
  const cannot = () => err(`could not open a browser (no xdg-open); open ${url} yourself`);
  try {
    const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
    child.on('error', cannot);
    child.unref();
  } catch {
    cannot();
  }
}

/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const dashboardCommand: CommandModule<GlobalArgs, DashboardArgs> = {
  command: 'dashboard',
  describe: 'Serve the results dashboard (read-only, live while a sweep runs) in the browser',
  builder: (y) =>
    y
      .option('host', {
        type: 'string',
        default: '127.0.0.1',
        requiresArg: true,
        describe: 'Address to listen on; any but 127.0.0.1, ::1 or localhost requires a token',
      })
      .option('port', { type: 'number', default: 8080, requiresArg: true, describe: 'Port to listen on (0 = a free one)' })
      .option('token', { type: 'string', requiresArg: true, describe: 'Token the API requires (default: generated when --host is not loopback)' })
      .option('open', { type: 'boolean', default: false, describe: 'Open the dashboard in the default browser (xdg-open)' })
      .check((argv) => {
        const port = argv.port;
        if (!(Number.isInteger(port) && port >= 0 && port <= 65535))
          throw new UsageError(`--port must be a whole number in 0..65535, got ${String(port)}`, 'pass --port 0 for a free port');
        return true;
      }),
  handler: async (argv) => {
    const { server, isLoopbackHost } = await start(argv);
    out(`sweep dashboard: serving ${argv.db} (read-only) at ${server.url}`);
    if (server.token !== undefined) {
      out(
        isLoopbackHost(server.host)
          ? 'the API needs the token in that URL'
          : `listening on ${server.host}: the API needs the token in that URL; anyone who has it can read these sweeps`,
      );
    }
    out('Ctrl-C to stop');
    if (argv.open) openBrowser(server.url);
    const signal = await stopSignal();
    await server.close();
    out(`dashboard stopped (${signal})`);
  },
};
