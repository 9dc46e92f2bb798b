import { describe, expect, it } from 'vitest';
import { ProcessPoolExecutor } from '../executor/process-pool-executor.js';
import { collect, trialTask, whereNoopRan } from '../executor/testing/collect.js';
import { ThreadPoolExecutor } from '../executor/thread-pool-executor.js';
import { createExecutor } from './create-executor.js';
import { parseDevices } from './parse-devices.js';

describe('createExecutor', () => {
  it('builds a thread pool for thread slots, whose trials run on that backend in this process', async () => {
    const executor = createExecutor(parseDevices('cpu:2', 4));
    try {
      expect(executor).toBeInstanceOf(ThreadPoolExecutor);
      expect([executor.slots, executor.description]).toEqual([2, '2 worker threads (cpu)']);
      const run = collect(executor, trialTask({}));
      expect((await run.ended).outcome.status).toBe('complete');
      expect(run.logs[0]).toMatch(/^noop: 3 steps on cpu /);
      expect(whereNoopRan(run.logs).pid).toBe(process.pid);
    } finally {
      await executor.close();
    }
  });

  it('builds a process pool for process slots, whose trials run in child processes', async () => {
    const executor = createExecutor(parseDevices('process:wasm:2', 4), { cancelGraceMs: 100 });
    try {
      expect(executor).toBeInstanceOf(ProcessPoolExecutor);
      expect([executor.slots, executor.description]).toEqual([2, '2 child processes (wasm)']);
      const run = collect(executor, trialTask({}));
      expect((await run.ended).outcome.status).toBe('complete');
      expect(run.logs[0]).toMatch(/^noop: 3 steps on wasm /);
      expect(whereNoopRan(run.logs).pid).not.toBe(process.pid);
    } finally {
      await executor.close();
    }
  });

  it('gives each GPU slot its own process with CUDA_VISIBLE_DEVICES and memory growth set (noop needs no GPU)', async () => {
    const executor = createExecutor(parseDevices('gpu:0,gpu:1', 4));
    try {
      expect(executor.description).toBe('2 child processes (tfjs-node-gpu on GPU 0, GPU 1)');
      const runs = [collect(executor, trialTask({ noop_log_env: true })), collect(executor, trialTask({ noop_log_env: true }))];
      await Promise.all(runs.map((run) => run.ended));
      expect(runs.map((run) => run.logs[0]?.replace(/ \(pid.*/, ''))).toEqual(['noop: 3 steps on tfjs-node-gpu', 'noop: 3 steps on tfjs-node-gpu']);
      expect(runs.map((run) => run.logs.slice(1))).toEqual([
        ['env CUDA_VISIBLE_DEVICES=0', 'env TF_FORCE_GPU_ALLOW_GROWTH=true'],
        ['env CUDA_VISIBLE_DEVICES=1', 'env TF_FORCE_GPU_ALLOW_GROWTH=true'],
      ]);
    } finally {
      await executor.close();
    }
  });
});
