import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_MISSING, findRedisServer, startRedisServer, type RedisServer } from '@loopsweep/runner';
import { json, noopSpec, startSweep, sweep, workspace } from '../helpers.js';
import { databaseText, events, startAgentProcess, stopProcess, trialsWithSteps, type Started } from './queue-helpers.js';

const HAS_REDIS = findRedisServer() !== undefined;
const PASSWORD = 'e2e-s3cret-pw';
const ws = workspace();
let redis: RedisServer | undefined;
const agents: Started[] = [];
// One Redis and two agents, a and b, serve every test of this file (as they would serve a team).
beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedisServer({ password: PASSWORD });
  const url = `redis://:${PASSWORD}@127.0.0.1:${redis.port}`;
  agents.push(await startAgentProcess(url, 'a'), await startAgentProcess(url, 'b'));
});
afterAll(async () => {
  for (const agent of agents) await stopProcess(agent);
  await redis?.stop();
  ws.cleanup();
});

describe.skipIf(!HAS_REDIS)('sweep run --queue with two `sweep agent` processes', () => {
  it('spreads the trials over both agents and stores what a local run stores, never the password', async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${redis!.port}`;
    const spec = ws.file('sweep.yaml', noopSpec({ name: 'spread', trials: 16, maxEpochs: 3, sleepMs: 30 }));
    // Not spawnSync: the agents' output must keep flowing into this process while the sweep runs.
    const distributed = await startSweep(['run', spec, '--db', ws.db, '--queue', url, '--parallel', '0']).done;
    expect(distributed.stderr).toBe('');
    expect(distributed.code).toBe(0);
    expect(distributed.stdout).toMatch(
      /^sweep spread: 16 trials, random sampler \(seed 1\), no pruner; queue 'loopsweep' at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(2 agents, 2 slots now\); no local trials; database /m,
    );

    // The same spec run locally: same trials, params, values and curves (the sampler and noop are seeded).
    const localDb = ws.file('local.db');
    expect(sweep(['run', spec, '--db', localDb, '--parallel', '2']).code).toBe(0);
    const rows = trialsWithSteps(ws.db, 'spread');
    expect(rows).toEqual(trialsWithSteps(localDb, 'spread'));
    expect(rows.map((r) => [r.state, r.attempt, r.steps])).toEqual(new Array(16).fill(['COMPLETE', 1, [1, 2, 3]]));

    const log = events(ws.db, 'spread');
    const takenBy = log.filter((e) => e.kind === 'info' && e.message.startsWith('agent ')).map((e) => [e.trialNumber, e.message.split(' ')[1]]);
    expect(takenBy).toHaveLength(16);
    expect(new Set(takenBy.map(([, agent]) => agent))).toEqual(new Set(['a', 'b']));
    expect(log.filter((e) => e.kind === 'trial_started')).toHaveLength(16);
    expect(log.filter((e) => e.kind === 'trial_completed')).toHaveLength(16);
    expect(log.at(-1)?.kind).toBe('sweep_finished');

    // Each agent printed the trials it ran; together, every trial once.
    const ran = agents.flatMap((agent) => [...agent.output().stdout.matchAll(/^sweep spread trial (\d+) COMPLETE/gm)].map((m) => Number(m[1])));
    expect(ran.sort((x, y) => x - y)).toEqual([...Array(16).keys()]);

    // The password appears nowhere: not in any output, not in the database.
    const status = sweep(['status', 'spread', '--db', ws.db, '--json'], { env: { LOOPSWEEP_REDIS_PASSWORD: PASSWORD } });
    const snapshot = json(status);
    expect(snapshot.agents.url).toBe(`redis://:***@127.0.0.1:${redis!.port}`);
    expect(snapshot.agents.agents.map((a: { name: string; slots: number }) => [a.name, a.slots])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    const plain = sweep(['status', 'spread', '--db', ws.db, '--queue', url]);
    expect(plain.stdout).toMatch(
      /^agents on queue 'loopsweep' at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+:\n\s+name\s+host\s+slots\s+running\s+last seen\n.*\n\s+a\s+\S+\s+1\s+—\s+[\d.]+s ago\n\s+b\s/m,
    );
    const outputs = [distributed, status, plain].flatMap((r) => [r.stdout, r.stderr]).concat(agents.flatMap((a) => [a.output().stdout, a.output().stderr]));
    for (const text of outputs) expect(text).not.toContain(PASSWORD);
    expect(databaseText(ws.db)).not.toContain(PASSWORD);
    expect(databaseText(ws.db)).toContain(`trials run on queue 'loopsweep' at redis://:***@127.0.0.1:${redis!.port}`);
  });

  it('lets two sweeps of the same name, from two databases, share the queue and its agents without mixing their trials', async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${redis!.port}`;
    const specs = [1, 2].map((seed) =>
      ws.file(`shared-${seed}.yaml`, noopSpec({ name: 'shared', trials: 8, sleepMs: 20, sampler: `{ type: random, seed: ${seed} }` })),
    );
    const dbs = [ws.file('shared-1.db'), ws.file('shared-2.db')];
    const runs = await Promise.all(specs.map((spec, i) => startSweep(['run', spec, '--db', dbs[i]!, '--queue', url, '--parallel', '0']).done));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    for (const [i, spec] of specs.entries()) {
      const localDb = ws.file(`shared-local-${i}.db`);
      expect(sweep(['run', spec, '--db', localDb, '--parallel', '2']).code).toBe(0);
      expect(trialsWithSteps(dbs[i]!, 'shared')).toEqual(trialsWithSteps(localDb, 'shared'));
    }
  });

  it('with --parallel 1 the coordinator also runs trials, through a local agent beside the remote ones', async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${redis!.port}`;
    const spec = ws.file('local-agent.yaml', noopSpec({ name: 'local-agent', trials: 12, sleepMs: 40 }));
    const db = ws.file('local-agent.db');
    const run = await startSweep(['run', spec, '--db', db, '--queue', url, '--parallel', '1']).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/; a local agent runs 1 worker thread \(wasm\); database /);
    const agentsUsed = new Set(events(db, 'local-agent').flatMap((e) => /^agent (\S+) on /.exec(e.message)?.[1] ?? []));
    // a and b, and the coordinator's own agent, named <host>-<pid>.
    expect(agentsUsed.size).toBe(3);
    expect([...agentsUsed].filter((name) => name !== 'a' && name !== 'b')).toEqual([expect.stringMatching(/^\S+-\d+$/)]);
    expect(trialsWithSteps(db, 'local-agent').every((r) => r.state === 'COMPLETE')).toBe(true);

    // Resuming a sweep that ran through a queue without --queue says what that means.
    const resumed = sweep(['resume', 'local-agent', '--db', db, '--parallel', '1']);
    expect(resumed.stderr).toMatch(
      /^warning: sweep local-agent ran its trials through queue 'loopsweep' at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+; without --queue its running trials run again here, and results agents finished meanwhile are not collected$/m,
    );
  });

  it('says why when the password is wrong, and writes nothing', () => {
    const spec = ws.file('other.yaml', noopSpec({ name: 'other', trials: 2 }));
    const db = ws.file('other.db');
    const refused = sweep(['run', spec, '--db', db, '--queue', `redis://:wrong-pw@127.0.0.1:${redis!.port}`, '--parallel', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the login: WRONGPASS/);
    expect(refused.stderr).not.toContain('wrong-pw');
    expect(() => databaseText(db)).toThrow(/ENOENT/);
  });
});

if (!HAS_REDIS) {
  describe('sweep run --queue', () => {
    it.skip(`needs redis-server: ${REDIS_MISSING}`, () => undefined);
  });
}
