import { afterEach, describe, expect, it } from 'vitest';
import type { ReportAnswer } from '@loopsweep/core';
import { AnswerInbox } from './answer-inbox.js';
import { CoordinatorPresence } from './coordinator-presence.js';
import { presenceChannel, presenceKey } from './keys.js';
import { parseQueueTarget, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';
import { sendAnswer } from './report-answer.js';
import { HAS_REDIS, useRedisServer } from './testing/redis-fixture.js';
import { startRedisServer } from './testing/redis-server.js';

const redis = useRedisServer();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function client(target: QueueTarget) {
  const opened = openRedis(target, () => undefined);
  cleanups.push(() => opened.quit().catch(() => opened.disconnect()));
  return opened;
}

async function inbox(target: QueueTarget, agent: string, timeoutMs: number, givenUp: string[] = []) {
  const opened = await AnswerInbox.open({
    target,
    agent,
    client: client(target),
    timeoutMs,
    checkMs: 100,
    onGiveUp: (jobId, run, why) => givenUp.push(`${jobId} ${run}: ${why}`),
    onError: () => undefined,
  });
  cleanups.push(() => opened.close());
  return opened;
}

/** The answer, or 'waiting' if none came within `ms`. */
function within(ms: number, answer: Promise<ReportAnswer>): Promise<ReportAnswer | 'waiting'> {
  return Promise.race([answer, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms))]);
}

describe.skipIf(!HAS_REDIS)('AnswerInbox', () => {
  it('takes only the answer for the run and report it waits for; a late answer for an earlier run is ignored', async () => {
    const target = parseQueueTarget(redis().url, `inbox-${process.pid}`);
    const givenUp: string[] = [];
    const answers = await inbox(target, 'a', 5_000, givenUp);
    const waiting = answers.wait('s/0/1', 'a#2', 0);
    await sendAnswer(client(target), target.name, { jobId: 's/0/1', run: 'a#1', i: 0, answer: 'stop' });
    await sendAnswer(client(target), target.name, { jobId: 's/0/1', run: 'a#2', i: 0, answer: 'continue' });
    expect(await waiting).toBe('continue');
    expect(givenUp).toEqual([]);
  });

  it('after one timeout the rest of that run goes on at once; a released job and a report never sent go on at once', async () => {
    const target = parseQueueTarget(redis().url, `inbox-t-${process.pid}`);
    const givenUp: string[] = [];
    const answers = await inbox(target, 'b', 100, givenUp);
    expect(await answers.wait('s/0/1', 'b#1', 3)).toBe('continue');
    expect(givenUp).toEqual([
      expect.stringMatching(/^s\/0\/1 b#1: no answer from the coordinator to report 4 of run b#1 within 0.1 s: the trial goes on without waiting/),
    ]);
    expect(await within(20, answers.wait('s/0/1', 'b#1', 4))).toBe('continue');
    // A new run of the job (another agent's start) waits again.
    const next = answers.wait('s/0/1', 'b#2', 0);
    await sendAnswer(client(target), target.name, { jobId: 's/0/1', run: 'b#2', i: 0, answer: 'stop' });
    expect(await next).toBe('stop');
    const released = answers.wait('s/0/2', 'b#1', 0);
    answers.release('s/0/2');
    expect(await within(20, released)).toBe('continue');
    const unsent = answers.wait('s/0/3', 'b#1', 5);
    answers.lost('s/0/3', 'b#1', 5, 1);
    expect(await within(20, unsent)).toBe('continue');
    expect(givenUp).toHaveLength(1);
  });

  it('waits for a coordinator that is there, and stops waiting soon after its connection closes (kill -9) or its key expires', async () => {
    const target = parseQueueTarget(redis().url, `inbox-p-${process.pid}`);
    const givenUp: string[] = [];
    const answers = await inbox(target, 'c', 30_000, givenUp);
    const alive = await CoordinatorPresence.open(target, client(target), () => undefined, 100, 1_000);
    cleanups.push(() => alive.close());
    const slow = answers.wait('s/0/1', 'c#1', 0, alive.id);
    expect(await within(600, slow)).toBe('waiting'); // several checks found it there
    await sendAnswer(client(target), target.name, { jobId: 's/0/1', run: 'c#1', i: 0, answer: 'stop' });
    expect(await slow).toBe('stop');

    // A coordinator killed with -9: Redis drops its subscription at once; its key would live on for a while.
    const subscriber = openRedis(target, () => undefined);
    await subscriber.subscribe(presenceChannel(target.name, 'killed'));
    await client(target).set(presenceKey(target.name, 'killed'), '1', 'PX', 60_000);
    const orphan = answers.wait('s/0/2', 'c#1', 0, 'killed');
    subscriber.disconnect();
    const started = performance.now();
    expect(await orphan).toBe('continue');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(givenUp).toEqual([expect.stringMatching(/^s\/0\/2 c#1: its coordinator is gone/)]);
    expect(await within(20, answers.wait('s/0/2', 'c#1', 1, 'killed'))).toBe('continue');

    // A coordinator cut off: subscribed still (as Redis thinks until TCP keepalive gives up), but its key has expired.
    const silent = openRedis(target, () => undefined);
    cleanups.push(() => silent.disconnect());
    await silent.subscribe(presenceChannel(target.name, 'silent'));
    expect(await within(2_000, answers.wait('s/0/3', 'c#1', 0, 'silent'))).toBe('continue');
    expect(givenUp).toHaveLength(2);
  });

  it('releases the reports waiting when its connection comes back after a Redis restart, and round trips go on', async () => {
    const server = await startRedisServer();
    cleanups.push(() => server.stop());
    const target = parseQueueTarget(server.url, `inbox-r-${process.pid}`);
    const givenUp: string[] = [];
    const answers = await inbox(target, 'd', 30_000, givenUp);
    const before = answers.wait('s/0/1', 'd#1', 0);
    await server.restart();
    const started = performance.now();
    expect(await before).toBe('continue');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(givenUp).toEqual([]); // released, not given up: the next report waits for its answer
    const after = answers.wait('s/0/1', 'd#1', 1);
    expect(await within(300, after)).toBe('waiting');
    await sendAnswer(client(target), target.name, { jobId: 's/0/1', run: 'd#1', i: 1, answer: 'stop' });
    expect(await after).toBe('stop');
  });
});
