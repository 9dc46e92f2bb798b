/**
 * What every distributed test file sets up the same way: a redis-server of its own, a fresh queue
 * per test (so tests never see each other's jobs or agents), agents on a local pool, a
 * coordinator, and everything closed after each test in reverse order.
 */
import { afterEach } from 'vitest';
import type { TrialExecutor } from '@loopsweep/core';
import { createExecutor } from '../../devices/create-executor.js';
import { parseDevices } from '../../devices/parse-devices.js';
import { startAgent, type Agent, type AgentOptions } from '../agent.js';
import { QueueExecutor } from '../queue-executor.js';
import { parseQueueTarget, type QueueTarget } from '../queue-target.js';
import { useRedisServer } from './redis-fixture.js';

export function useQueueFixture(prefix: string) {
  const redis = useRedisServer();
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  let queues = 0;
  return {
    redis,
    /** Closed after the test, last registered first. */
    cleanups,
    target: (): QueueTarget => {
      queues += 1;
      return parseQueueTarget(redis().url, `${prefix}-${process.pid}-${queues}`);
    },
    /** An agent on its own pool of `threads` wasm threads (default 1), heartbeat every 200 ms unless given. */
    agent: async (queue: QueueTarget, options: Partial<Omit<AgentOptions, 'target' | 'executor'>> & { threads?: number } = {}): Promise<Agent> => {
      const { threads = 1, ...rest } = options;
      const pool: TrialExecutor = createExecutor(parseDevices(`wasm:${threads}`, threads));
      cleanups.push(() => pool.close());
      const started = await startAgent({ target: queue, executor: pool, heartbeatMs: 200, ...rest });
      cleanups.push(() => started.close({ force: true }));
      return started;
    },
    coordinator: async (queue: QueueTarget, pollMs = 200): Promise<QueueExecutor> => {
      const executor = await QueueExecutor.open({ target: queue, pollMs });
      cleanups.push(() => executor.close());
      return executor;
    },
  };
}
