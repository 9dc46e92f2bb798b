/** `sweep dashboard` as users run it: the built CLI in a child process, over a database `sweep run` wrote. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, REPO_ROOT, json, noopSpec, sweep, workspace } from './helpers.js';

const ws = workspace('sweep-dashboard-e2e-');
afterAll(() => ws.cleanup());

beforeAll(() => {
  const spec = ws.file('sweep.yaml', noopSpec({ name: 'dash', trials: 12, parallel: 2, maxEpochs: 3 }));
  const run = sweep(['run', spec, '--db', ws.db]);
  expect(run.code, run.stderr).toBe(0);
});

interface Dashboard {
  readonly child: ChildProcess;
  /** The URL it printed (with ?token= when it needs one). */
  readonly url: URL;
  output(): string;
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `sweep dashboard …` and waits for the URL line. */
async function startDashboard(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Dashboard> {
  const child = spawn(process.execPath, [MAIN, 'dashboard', '--db', ws.db, '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOOPSWEEP_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 30_000;
  // Wait for the banner's last line: the URL (and the token in it) may arrive split over chunks,
  // and the lines after it are only there once it is whole.
  while (!stdout.includes('Ctrl-C to stop\n')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no URL printed (exit ${child.exitCode}):\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const match = /at (http:\/\/\S+)/.exec(stdout);
  if (match === null) throw new Error(`no URL in the banner:\n${stdout}`);
  return {
    child,
    url: new URL(match[1] as string),
    output: () => stdout,
    async stop() {
      child.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      return { code, stdout, stderr };
    },
  };
}

async function getJson(url: URL | string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

describe('sweep dashboard', () => {
  it('serves the API on a free port, gives the same verdict as `sweep compare`, and stops cleanly on Ctrl-C', async () => {
    const dashboard = await startDashboard([]);
    try {
      expect(dashboard.url.hostname).toBe('127.0.0.1');
      expect(dashboard.url.port).not.toBe('0');
      expect(dashboard.url.search).toBe('');
      expect(dashboard.output()).toContain(`serving ${ws.db} (read-only) at http://127.0.0.1:`);
      expect(await getJson(new URL('/api/health', dashboard.url))).toEqual({
        status: 200,
        body: { ok: true, version: '0.1.0', database: 'sweeps.db', readOnly: true },
      });
      const sweeps = await getJson(new URL('/api/sweeps', dashboard.url));
      expect(sweeps.status).toBe(200);
      expect(sweeps.body.sweeps).toMatchObject([{ name: 'dash', objective: 'noop', status: 'finished', total: 12 }]);
      const compare = await getJson(new URL('/api/sweeps/dash/compare?by=opt', dashboard.url));
      const cli = json(sweep(['compare', 'dash', '--by', 'opt', '--json', '--db', ws.db]));
      expect(compare.body.statement).toBe(cli.statement);
      expect(compare.body.decision).toBe(cli.decision);
      expect(compare.body.groups).toEqual(cli.groups);
      expect(cli.winner).toBeUndefined();
      // A live stream stays open until Ctrl-C, which must still stop the command at once.
      const stream = await fetch(new URL('/api/sweeps/dash/stream', dashboard.url), { headers: { accept: 'text/event-stream' } });
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reader = stream.body?.getReader();
      const first = new TextDecoder().decode((await reader?.read())?.value);
      expect(first).toContain('retry: ');
    } finally {
      const started = Date.now();
      const stopped = await dashboard.stop();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(stopped.code).toBe(0);
      expect(stopped.stdout).toContain('dashboard stopped (SIGINT)');
      expect(stopped.stderr).toBe('');
    }
  });

  it('on a non-loopback address prints a token URL and refuses the API without the token', async () => {
    const dashboard = await startDashboard(['--host', '127.0.0.2']);
    try {
      const token = dashboard.url.searchParams.get('token');
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(dashboard.output()).toContain('the API needs the token in that URL; anyone who has it can read these sweeps');
      const refused = await getJson(new URL('/api/sweeps', dashboard.url.origin));
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      expect((await getJson(new URL('/api/sweeps', dashboard.url.origin), { authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await getJson(new URL(`/api/sweeps?token=${token}`, dashboard.url.origin))).status).toBe(200);
    } finally {
      expect((await dashboard.stop()).code).toBe(0);
    }
  });

  it('--open without a browser opener still serves', async () => {
    // A PATH with no xdg-open in it: the command says so and carries on.
    const dashboard = await startDashboard(['--open'], { PATH: ws.dir });
    try {
      expect((await getJson(new URL('/api/health', dashboard.url))).status).toBe(200);
    } finally {
      const stopped = await dashboard.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toContain('could not open a browser (no xdg-open); open http://127.0.0.1:');
    }
  });

  it('refuses a missing database, a bad port and a port in use with exit 2', async () => {
    const missing = sweep(['dashboard', '--db', ws.file('nope.db'), '--port', '0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: no database at ${ws.file('nope.db')}`);
    const badPort = sweep(['dashboard', '--db', ws.db, '--port', '99999']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number in 0..65535, got 99999');
    const first = await startDashboard([]);
    try {
      const busy = sweep(['dashboard', '--db', ws.db, '--port', first.url.port]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`error: port ${first.url.port} on 127.0.0.1 is already in use\n  hint: pass another --port, or --port 0 for a free one`);
    } finally {
      await first.stop();
    }
  });
});
