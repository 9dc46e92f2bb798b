import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { noopSpec, REPO_ROOT, sweep, workspace } from '../helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

/** A loopback port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('bad queue input exits 2 with one clear message, shows no password and writes nothing', () => {
  it.each([
    {
      title: 'not a Redis URL',
      args: (spec: string, db: string) => ['run', spec, '--db', db, '--queue', 'http://:pw-1@host'],
      message: "error: --queue: 'http://:***@host' is not a Redis URL (it starts with http://)",
    },
    {
      title: 'a bad database path',
      args: (spec: string, db: string) => ['run', spec, '--db', db, '--queue', 'redis://:pw-1@host/db1'],
      message: "error: --queue: 'redis://:***@host/db1': the path must be a database number, got '/db1'",
    },
    {
      title: 'a bad queue name',
      args: (spec: string, db: string) => ['run', spec, '--db', db, '--queue', 'redis://host', '--queue-name', 'a:b'],
      message: "error: --queue-name: 'a:b' is not a queue name",
    },
    {
      title: '--parallel 0 without --queue',
      args: (spec: string, db: string) => ['run', spec, '--db', db, '--parallel', '0'],
      message: 'error: --parallel must be a whole number ≥ 1, got 0',
    },
    {
      title: '--parallel 0 with --devices',
      args: (spec: string, db: string) => ['run', spec, '--db', db, '--parallel', '0', '--devices', 'wasm:2', '--queue', 'redis://127.0.0.1:1'],
      message: 'error: --parallel 0 and --devices contradict each other',
    },
    { title: 'an agent without --queue', args: () => ['agent'], message: 'error: sweep agent needs --queue' },
    {
      title: 'an agent allowing a missing module',
      args: () => ['agent', '--queue', 'redis://127.0.0.1:1', '--allow-objective', 'missing.mjs'],
      message: `error: --allow-objective missing.mjs: no file at ${ws.dir}/missing.mjs`,
    },
    {
      title: 'an agent with a bad --concurrency',
      args: () => ['agent', '--queue', 'redis://127.0.0.1:1', '--concurrency', '0'],
      message: 'error: --concurrency must be a whole number ≥ 1, got 0',
    },
  ])('$title', ({ args, message }) => {
    const spec = ws.file('bad.yaml', noopSpec({ name: 'bad', trials: 1 }));
    const db = `${ws.dir}/bad-${Math.random().toString(36).slice(2)}.db`;
    const result = sweep(args(spec, db), { cwd: ws.dir, env: { LOOPSWEEP_QUEUE: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toMatch(/\n {2}hint: /);
    expect(result.stderr).not.toContain('pw-1');
    expect(existsSync(db)).toBe(false);
  });

  it('a Redis nobody answers at: says where it looked and what to check', async () => {
    const spec = ws.file('bad.yaml', noopSpec({ name: 'bad', trials: 1 }));
    const db = `${ws.dir}/unreachable.db`;
    const port = await deadPort();
    const result = sweep(['run', spec, '--db', db, '--queue', `redis://:pw-1@127.0.0.1:${port}`, '--parallel', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: cannot reach Redis at redis://:***@127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n` +
        '  hint: is redis-server running there and listening on that address (bind, protected-mode)? For rediss:// the server must speak TLS; a private CA goes in NODE_EXTRA_CA_CERTS\n',
    );
    expect(existsSync(db)).toBe(false);
  });

  it('a population-based training spec: refused before Redis is reached, saying why', async () => {
    const objective = `${REPO_ROOT}/packages/runner/src/objectives/fixtures/noisy-quadratic.mjs`;
    const spec = ws.file(
      'pbt.yaml',
      `name: pbt\nobjective: ${objective}\nmetric: { name: loss, goal: minimize }\nbudget: { max_epochs: 6 }\n` +
        'sampler: { type: pbt, seed: 1, population: 4 }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0] }\n',
    );
    const db = `${ws.dir}/pbt.db`;
    const port = await deadPort();
    for (const parallel of ['0', '2']) {
      const result = sweep(['run', spec, '--db', db, '--queue', `redis://127.0.0.1:${port}`, '--parallel', parallel]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "error: population-based training (sampler.type pbt) does not run through --queue yet: its checkpoints are kept by the orchestrator's local store and are not moved through the queue\n" +
          '  hint: run this sweep without --queue (use --devices to spread it over this machine)\n',
      );
      expect(existsSync(db)).toBe(false);
    }
  });
});
