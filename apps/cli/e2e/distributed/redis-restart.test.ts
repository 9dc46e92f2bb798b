import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REDIS_MISSING, findRedisServer, startRedisServer, type RedisServer } from '@loopsweep/runner';
import { countStates, noopSpec, startSweep, waitFor, workspace } from '../helpers.js';
import { events, startAgentProcess, stopProcess, trialsWithSteps, type Started } from './queue-helpers.js';

const HAS_REDIS = findRedisServer() !== undefined;
const ws = workspace();
let redis: RedisServer | undefined;
const processes: Started[] = [];
afterEach(async () => {
  for (const proc of processes.splice(0)) await stopProcess(proc);
  await redis?.stop();
});
afterAll(() => ws.cleanup());

const STEPS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Two agents and a coordinator; Redis restarts once 2 of 8 trials (of about 0.6 s each) are done. */
async function sweepThroughRestart(name: string, persistent: boolean) {
  redis = await startRedisServer({ persistent });
  processes.push(await startAgentProcess(redis.url, 'a'), await startAgentProcess(redis.url, 'b'));
  const spec = ws.file(`${name}.yaml`, noopSpec({ name, trials: 8, maxEpochs: 10, sleepMs: 60 }));
  const db = ws.file(`${name}.db`);
  const run = startSweep(['run', spec, '--db', db, '--queue', redis.url, '--parallel', '0']);
  processes.push(run);
  await waitFor(() => (countStates(db, name)['COMPLETE'] ?? 0) >= 2);
  await redis.restart();
  const doneAtRestart = countStates(db, name)['COMPLETE'] ?? 0;
  const result = await run.done;
  return { db, result, doneAtRestart };
}

describe.skipIf(!HAS_REDIS)('Redis restarting in the middle of a distributed sweep', () => {
  it('with persistence: both sides reconnect and the sweep finishes with every trial and curve recorded once', async () => {
    const { db, result, doneAtRestart } = await sweepThroughRestart('restart', true);
    expect(doneAtRestart).toBeLessThan(8);
    expect(result.code).toBe(0);
    expect(trialsWithSteps(db, 'restart').map((r) => [r.state, r.attempt, r.steps])).toEqual(new Array(8).fill(['COMPLETE', 1, STEPS]));
    expect(events(db, 'restart').filter((e) => e.kind === 'trial_completed')).toHaveLength(8);
  });

  it('without persistence: the jobs in flight are gone, so those trials run again as their next attempt; nothing is lost', async () => {
    const { db, result, doneAtRestart } = await sweepThroughRestart('restart-empty', false);
    expect(doneAtRestart).toBeLessThan(8);
    expect(result.code).toBe(0);
    const rows = trialsWithSteps(db, 'restart-empty');
    expect(rows.map((r) => [r.state, r.steps])).toEqual(new Array(8).fill(['COMPLETE', STEPS]));
    const retried = events(db, 'restart-empty').filter((e) => e.kind === 'trial_retried');
    expect(retried.length).toBeGreaterThan(0);
    for (const event of retried) {
      expect(event.message).toMatch(/^interrupted: its job vanished from Redis \(was Redis restarted without persistence\?\); re-queued as attempt 2$/);
      expect(rows[event.trialNumber!]!.attempt).toBe(2);
    }
  });
});

if (!HAS_REDIS) {
  describe('Redis restarting', () => {
    it.skip(`needs redis-server: ${REDIS_MISSING}`, () => undefined);
  });
}
