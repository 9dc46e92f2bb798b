import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REDIS_MISSING, findRedisServer, startRedisServer, type RedisServer } from '@loopsweep/runner';
import { json, noopSpec, sweep, workspace } from '../helpers.js';
import { HAS_OPENSSL, HAS_UNSHARE, makeCertificates, startSweepAs } from './hosts.js';
import { events, stopProcess, trialsWithSteps, waitForOutput, type Started } from './queue-helpers.js';

const HAS_REDIS = findRedisServer() !== undefined;
const PASSWORD = 'tls-s3cret';
const ws = workspace();
let redis: RedisServer | undefined;
const processes: Started[] = [];
afterEach(async () => {
  for (const proc of processes.splice(0)) await stopProcess(proc);
  await redis?.stop();
  redis = undefined;
});
afterAll(() => ws.cleanup());

async function agentAs(url: string, name: string, options: { env?: NodeJS.ProcessEnv; host?: string } = {}): Promise<Started> {
  const agent = startSweepAs(['agent', '--queue', url, '--name', name, '--concurrency', '1'], options);
  processes.push(agent);
  await waitForOutput(agent, new RegExp(`^agent ${name}: `, 'm'));
  return agent;
}

describe.skipIf(!HAS_REDIS || !HAS_OPENSSL)('a queue over TLS (rediss://) with a password', () => {
  it('runs the sweep when the CA is trusted (NODE_EXTRA_CA_CERTS), and says why when it is not', async () => {
    const certificates = makeCertificates(ws.dir);
    redis = await startRedisServer({ password: PASSWORD, tls: certificates });
    expect(redis.url).toMatch(/^rediss:\/\/127\.0\.0\.1:\d+$/);
    const url = redis.url.replace('rediss://', `rediss://:${PASSWORD}@`);
    const trusted = { NODE_EXTRA_CA_CERTS: certificates.caFile };
    await agentAs(url, 'tls-agent', { env: trusted });
    const spec = ws.file('tls.yaml', noopSpec({ name: 'tls', trials: 4 }));
    const db = ws.file('tls.db');
    const run = await startSweepAs(['run', spec, '--db', db, '--queue', url, '--parallel', '0'], { env: trusted }).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(trialsWithSteps(db, 'tls').map((r) => r.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(run.stdout).not.toContain(PASSWORD);

    const untrusted = sweep(['run', spec, '--db', ws.file('untrusted.db'), '--queue', url, '--parallel', '0']);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/^error: cannot reach Redis at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+: .*(self-signed|unable to verify|certificate)/);
    expect(untrusted.stderr).toContain('NODE_EXTRA_CA_CERTS');
  });
});

describe.skipIf(!HAS_REDIS || !HAS_UNSHARE)('two "hosts": agents with host names of their own, Redis on a loopback alias', () => {
  it('records which host ran each trial, and `sweep status` lists both hosts', async () => {
    // 127.0.0.2 is another address of the loopback interface (Linux routes 127/8 there): no setup needed.
    redis = await startRedisServer({ bind: '127.0.0.2' });
    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.2:\d+$/);
    await agentAs(redis.url, 'a', { host: 'box-a' });
    await agentAs(redis.url, 'b', { host: 'box-b' });
    const spec = ws.file('hosts.yaml', noopSpec({ name: 'hosts', trials: 8, sleepMs: 30 }));
    const db = ws.file('hosts.db');
    const run = await startSweepAs(['run', spec, '--db', db, '--queue', redis.url, '--parallel', '0']).done;
    expect(run.code).toBe(0);
    expect(trialsWithSteps(db, 'hosts').every((r) => r.state === 'COMPLETE')).toBe(true);
    const takenOn = events(db, 'hosts').flatMap((e) => /^agent (\w+) on (\S+) took it$/.exec(e.message)?.slice(1, 3) ?? []);
    expect(new Set(takenOn)).toEqual(new Set(['a', 'box-a', 'b', 'box-b']));
    const status = json(sweep(['status', 'hosts', '--db', db, '--json']));
    expect(status.agents.agents.map((a: { name: string; host: string }) => [a.name, a.host])).toEqual([
      ['a', 'box-a'],
      ['b', 'box-b'],
    ]);
  });
});

if (!HAS_REDIS) {
  describe('many hosts', () => {
    it.skip(`need redis-server: ${REDIS_MISSING}`, () => undefined);
  });
}
