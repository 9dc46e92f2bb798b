/**
 * A real redis-server for tests and benchmarks: on a free loopback port, without persistence
 * unless asked, stopped by the caller. Exported for the CLI's end-to-end tests and tools/bench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RedisServerOptions {
  /** requirepass: clients must log in with this password. */
  readonly password?: string;
  /** Address to listen on. Default 127.0.0.1. */
  readonly bind?: string;
  /** Keep data across restart() in an append-only file. Default false. */
  readonly persistent?: boolean;
  /** Speak TLS only, with this certificate (PEM files); clients need no certificate of their own. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string; readonly caFile: string };
}

export interface RedisServer {
  readonly port: number;
  readonly host: string;
  /** redis://host:port (rediss:// with tls), without the password. */
  readonly url: string;
  /** The server's process id (benchmarks read its CPU time); changes with restart(). */
  readonly pid: number;
  /** Stops it (SIGTERM) and starts it again on the same port; without persistence it comes back empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The redis-server binary, or undefined when it is not installed (tests then skip, saying so). */
export function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const file = found.stdout.trim();
  return found.status === 0 && file !== '' ? file : undefined;
}

export const REDIS_MISSING = 'redis-server is not installed (Debian: apt-get install redis-server; `npm run setup` does it as root)';

/** @throws {Error} when redis-server is missing or does not start within 10 s. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = findRedisServer();
  if (!binary) throw new Error(REDIS_MISSING);
  const host = options.bind ?? '127.0.0.1';
  const port = await freePort(host);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-redis-'));
  const listen = options.tls
    ? [
        '--port',
        '0',
        '--tls-port',
        String(port),
        '--tls-cert-file',
        options.tls.certFile,
        '--tls-key-file',
        options.tls.keyFile,
        '--tls-ca-cert-file',
        options.tls.caFile,
        '--tls-auth-clients',
        'no',
      ]
    : ['--port', String(port)];
  const args = [...listen, '--bind', host, '--save', '', '--appendonly', options.persistent ? 'yes' : 'no', '--dir', dir, '--protected-mode', 'no'];
  if (options.password !== undefined) args.push('--requirepass', options.password);
  let child = await launch(binary, args);
  return {
    port,
    host,
    url: `${options.tls ? 'rediss' : 'redis'}://${host}:${port}`,
    get pid() {
      return child.pid as number;
    },
    restart: async () => {
      await stopChild(child);
      child = await launch(binary, args);
    },
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(binary: string, args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start within 10 s:\n${output}`));
    }, 10_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
