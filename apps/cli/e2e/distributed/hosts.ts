/** Test fixtures for "other machines": TLS certificates from a throwaway CA, and processes with their own host name. */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAIN, REPO_ROOT } from '../helpers.js';
import type { Started } from './queue-helpers.js';

export const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;
/** UTS namespaces (root, or CAP_SYS_ADMIN): a process there may take another host name. */
export const HAS_UNSHARE = spawnSync('unshare', ['-u', 'hostname', 'probe']).status === 0;

export interface Certificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** A CA and a server certificate for 127.0.0.1 and localhost, valid for a day. */
export function makeCertificates(dir: string): Certificates {
  const file = (name: string) => path.join(dir, name);
  const run = (args: string[]) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  };
  writeFileSync(file('san.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=loopsweep test CA',
  ]);
  run(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'redis.key', '-out', 'redis.csr', '-subj', '/CN=localhost']);
  run(['x509', '-req', '-in', 'redis.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'redis.crt', '-days', '1', '-extfile', 'san.cnf']);
  return { caFile: file('ca.crt'), certFile: file('redis.crt'), keyFile: file('redis.key') };
}

/**
 * `sweep …` in the background, with extra environment, optionally in a UTS namespace of its own
 * where the host name is `host` (what an agent registers and reports as its host).
 */
export function startSweepAs(args: readonly string[], options: { env?: NodeJS.ProcessEnv; host?: string } = {}): Started {
  const env = { ...process.env, LOOPSWEEP_DB: '', LOOPSWEEP_DEBUG: '', FORCE_COLOR: '0', ...options.env };
  const child = options.host
    ? spawn('unshare', ['-u', 'sh', '-c', 'hostname "$0" && exec "$@"', options.host, process.execPath, MAIN, ...args], {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, [MAIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => setImmediate(() => resolve({ code, signal, stdout, stderr }))),
  );
  return { child, done, output: () => ({ stdout, stderr }) };
}
