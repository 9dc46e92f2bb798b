import { afterEach, describe, expect, it } from 'vitest';
import { AnswerInbox } from './answer-inbox.js';
import { parseQueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';
import { sendAnswer } from './report-answer.js';
import { HAS_REDIS, useRedisServer } from './testing/redis-fixture.js';

const redis = useRedisServer();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!HAS_REDIS)('AnswerInbox', () => {
  it("takes only the answer for the run and report it waits for; a late answer for an earlier run is ignored", async () => {
    const target = parseQueueTarget(redis().url, `inbox-${process.pid}`);
    const timeouts: string[] = [];
    const inbox = await AnswerInbox.open(target, 'a', 5_000, (jobId, run, i) => timeouts.push(`${jobId} ${run} ${i}`), () => undefined);
    cleanups.push(() => inbox.close());
    const client = openRedis(target, () => undefined);
    cleanups.push(() => client.quit());
    const waiting = inbox.wait('s/0/1', 'a#2', 0);
    await sendAnswer(client, target.name, { jobId: 's/0/1', run: 'a#1', i: 0, answer: 'stop' });
    await sendAnswer(client, target.name, { jobId: 's/0/1', run: 'a#2', i: 0, answer: 'continue' });
    expect(await waiting).toBe('continue');
    expect(timeouts).toEqual([]);
  });

  it('answers continue after its timeout, and at once for a released job', async () => {
    const target = parseQueueTarget(redis().url, `inbox-t-${process.pid}`);
    const timeouts: string[] = [];
    const inbox = await AnswerInbox.open(target, 'b', 100, (jobId, run, i) => timeouts.push(`${jobId} ${run} ${i}`), () => undefined);
    cleanups.push(() => inbox.close());
    expect(await inbox.wait('s/0/1', 'b#1', 3)).toBe('continue');
    expect(timeouts).toEqual(['s/0/1 b#1 3']);
    const released = inbox.wait('s/0/2', 'b#1', 0);
    inbox.release('s/0/2');
    expect(await released).toBe('continue');
    expect(timeouts).toHaveLength(1);
  });
});
