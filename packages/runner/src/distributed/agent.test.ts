import { describe, expect, it } from 'vitest';
import type { Params, TrialTask } from '@loopsweep/core';
import { createExecutor } from '../devices/create-executor.js';
import { parseDevices } from '../devices/parse-devices.js';
import { startAgent } from './agent.js';
import { readAgents } from './agent-registry.js';
import { QueueError } from './queue-error.js';
import { QueueExecutor } from './queue-executor.js';
import { parseQueueTarget, type QueueTarget } from './queue-target.js';
import { openRedis } from './redis-client.js';
import { REDIS_MISSING } from './testing/redis-server.js';
import { HAS_REDIS } from './testing/redis-fixture.js';
import { useQueueFixture } from './testing/queue-fixture.js';

const { cleanups, target, agent, coordinator } = useQueueFixture('agent-test');

async function agentsOf(queue: QueueTarget) {
  const client = openRedis(queue, () => 'continue');
  try {
    return await readAgents(client, queue.name);
  } finally {
    client.disconnect();
  }
}

const task = (queue: QueueTarget, params: Params): TrialTask => ({
  sweepName: 's',
  sweepKey: `s@${queue.name}`,
  trialNumber: 0,
  attempt: 1,
  params,
  objective: 'noop',
  seed: 1,
});

describe.skipIf(!HAS_REDIS)('startAgent', () => {
  it('registers with its pool and running trials, and leaves the registry when closed', async () => {
    const queue = target();
    const a = await agent(queue, { name: 'reg', heartbeatMs: 100 });
    const executor = await coordinator(queue, 100);
    const handle = executor.start(task(queue, { noop_steps: 20, noop_sleep_ms: 50 }), () => 'continue');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const [info] = await agentsOf(queue);
    expect(info).toMatchObject({
      name: 'reg',
      pid: process.pid,
      slots: 1,
      description: '1 worker thread (wasm)',
      running: [{ sweep: 's', trial: 0, attempt: 1 }],
    });
    expect(Date.now() - info!.lastSeen).toBeLessThan(1_000);
    handle.cancel('test over');
    await handle.done;
    await a.close();
    expect(await agentsOf(queue)).toEqual([]);
  });

  it('checks its options before connecting', async () => {
    const pool = createExecutor(parseDevices('wasm:1', 1));
    cleanups.push(() => pool.close());
    const unreachable = parseQueueTarget('redis://127.0.0.1:1');
    await expect(startAgent({ target: unreachable, executor: pool, lockMs: 50 })).rejects.toThrow(
      new RangeError('lockMs must be a whole number ≥ 100, got 50'),
    );
    await expect(startAgent({ target: unreachable, executor: pool, heartbeatMs: 0.5 })).rejects.toThrow(
      new RangeError('heartbeatMs must be a whole number ≥ 1, got 0.5'),
    );
    await expect(QueueExecutor.open({ target: unreachable, prefetch: -1 })).rejects.toThrow(new RangeError('prefetch must be a whole number ≥ 0, got -1'));
    await expect(QueueExecutor.open({ target: unreachable, pollMs: 0 })).rejects.toThrow(new RangeError('pollMs must be a whole number ≥ 1, got 0'));
    await expect(QueueExecutor.open({ target: unreachable, keepSeconds: 0 })).rejects.toThrow(new RangeError('keepSeconds must be a whole number ≥ 1, got 0'));
  });

  it('refuses a name a live agent of the queue already uses', async () => {
    const queue = target();
    await agent(queue, { name: 'twin', heartbeatMs: 100 });
    const pool = createExecutor(parseDevices('wasm:1', 1));
    cleanups.push(() => pool.close());
    const error = await startAgent({ target: queue, executor: pool, name: 'twin' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).kind).toBe('agent-name');
    expect((error as QueueError).message).toMatch(
      new RegExp(`^an agent named 'twin' already serves queue '${queue.name}' \\(pid ${process.pid} on \\S+, seen \\d+ s ago\\)$`),
    );
  });

  it('close({ force }) cancels the running trials: they end cancelled, for their coordinators to queue again', async () => {
    const queue = target();
    const a = await agent(queue, { name: 'leaving', heartbeatMs: 100 });
    const executor = await coordinator(queue, 100);
    const reports: number[] = [];
    const handle = executor.start(task(queue, { noop_steps: 50, noop_sleep_ms: 50 }), (step) => (reports.push(step), 'continue'));
    while (reports.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await a.close({ force: true });
    expect(await handle.done).toEqual({ status: 'failed', kind: 'cancelled', reason: 'agent leaving was stopped' });
  });

  it('obeys a prune order given before it took the job (kept in Redis beside the pub/sub message)', async () => {
    const queue = target();
    const executor = await coordinator(queue, 100);
    const handle = executor.start(task(queue, { noop_steps: 50, noop_sleep_ms: 50 }), () => 'continue');
    await new Promise((resolve) => setTimeout(resolve, 100));
    handle.prune(); // no agent yet: only the key can carry it
    await agent(queue, { name: 'late', heartbeatMs: 100 });
    expect(await handle.done).toEqual({ status: 'pruned' });
  });
});

if (!HAS_REDIS) {
  describe('startAgent', () => {
    it.skip(`needs redis-server: ${REDIS_MISSING}`, () => 'continue');
  });
}
