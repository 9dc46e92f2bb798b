import { afterAll, describe, expect, it } from 'vitest';
import { noopValue } from '../objectives/noop.js';
import { describeProcessSlots, ProcessPoolExecutor } from './process-pool-executor.js';
import { collect, fixtureObjective, trialTask, until, whereNoopRan } from './testing/collect.js';

// Real child processes running the compiled host (dist/worker/process-host.js), on CPU backends so
// that the process path is tested without a GPU; the env is what a GPU slot would get.
const executor = new ProcessPoolExecutor({
  slots: [
    { backend: 'wasm', env: { CUDA_VISIBLE_DEVICES: '7', TF_FORCE_GPU_ALLOW_GROWTH: 'true' }, label: 'slot A' },
    { backend: 'cpu', env: { CUDA_VISIBLE_DEVICES: '8', TF_FORCE_GPU_ALLOW_GROWTH: 'true' }, label: 'slot B' },
  ],
  cancelGraceMs: 300,
});
afterAll(() => executor.close());

describe('ProcessPoolExecutor', () => {
  it('describes its slots', () => {
    expect(executor.slots).toBe(2);
    expect(executor.description).toBe('2 child processes (wasm on slot A; cpu on slot B)');
    expect(
      describeProcessSlots([
        { backend: 'wasm', env: {}, label: '' },
        { backend: 'wasm', env: {}, label: '' },
      ]),
    ).toBe('2 child processes (wasm)');
  });

  it('runs noop trials in two child processes with their own backend and environment', async () => {
    const a = collect(executor, trialTask({ x: 1, noop_log_env: true, noop_sleep_ms: 50 }));
    const b = collect(executor, trialTask({ x: 2, noop_log_env: true, noop_sleep_ms: 50 }));
    const [endA, endB] = await Promise.all([a.ended, b.ended]);
    expect(endA.outcome).toEqual({ status: 'complete', value: noopValue({ x: 1 }, 7), metrics: expect.objectContaining({ value: noopValue({ x: 1 }, 7) }) });
    expect(endB.outcome).toEqual({ status: 'complete', value: noopValue({ x: 2 }, 7), metrics: expect.objectContaining({ value: noopValue({ x: 2 }, 7) }) });
    expect(a.reports.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(b.reports.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(a.logs.slice(1)).toEqual(['env CUDA_VISIBLE_DEVICES=7', 'env TF_FORCE_GPU_ALLOW_GROWTH=true']);
    expect(b.logs.slice(1)).toEqual(['env CUDA_VISIBLE_DEVICES=8', 'env TF_FORCE_GPU_ALLOW_GROWTH=true']);
    expect(a.logs[0]).toMatch(/^noop: 3 steps on wasm \(pid \d+, thread 0\)$/);
    expect(b.logs[0]).toMatch(/^noop: 3 steps on cpu \(pid \d+, thread 0\)$/);
    const pids = [whereNoopRan(a.logs).pid, whereNoopRan(b.logs).pid];
    expect(new Set([...pids, process.pid]).size).toBe(3);
  });

  it('keeps a slot’s process from trial to trial', async () => {
    const first = collect(executor, trialTask({ n: 1 }));
    await first.ended;
    const second = collect(executor, trialTask({ n: 2 }));
    await second.ended;
    expect(whereNoopRan(second.logs).pid).toBe(whereNoopRan(first.logs).pid);
  });

  it('ends a trial whose process exits as crashed, and starts a new process for the next trial', async () => {
    const crashed = collect(executor, trialTask({ noop_fail: 'crash' }));
    const { outcome } = await crashed.ended;
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'crashed',
      reason: expect.stringMatching(/^trial process \d+ \(slot A\) exited with code 1 mid-trial$/),
    });
    const deadPid = Number(/process (\d+)/.exec((outcome as { reason: string }).reason)![1]);
    const next = collect(executor, trialTask({ noop_log_env: true }));
    expect((await next.ended).outcome.status).toBe('complete');
    expect(whereNoopRan(next.logs).pid).not.toBe(deadPid);
    expect(next.logs[1]).toBe('env CUDA_VISIBLE_DEVICES=7');
  });

  it('puts the end of stderr in the reason of a crash', async () => {
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('dies-loudly.mjs') }));
    const { outcome } = await run.ended;
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'crashed',
      reason: expect.stringMatching(/ exited with code 3 mid-trial; stderr: out of luck \| giving up$/),
    });
    expect(run.logs).toEqual(['stderr: out of luck', 'stderr: giving up']);
  });

  it('prunes within one step and cancels with the reason', async () => {
    const pruned = collect(executor, trialTask({ noop_sleep_ms: 100, noop_steps: 50 }), (step, handle) => step === 2 && handle.prune());
    const cancelled = collect(executor, trialTask({ noop_sleep_ms: 100, noop_steps: 50 }), (step, handle) => step === 1 && handle.cancel('budget spent'));
    const [prunedEnd, cancelledEnd] = await Promise.all([pruned.ended, cancelled.ended]);
    expect(prunedEnd.outcome).toEqual({ status: 'pruned' });
    expect(pruned.reports.map((r) => r.step)).toEqual([1, 2]);
    expect(cancelledEnd.outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'budget spent' });
    expect(cancelled.reports).toHaveLength(1);
    expect(Math.max(prunedEnd.ms, cancelledEnd.ms)).toBeLessThan(2_500);
  });

  it('kills the process of an objective that ignores cancel() after the grace period, and goes on', async () => {
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('ignores-signal.mjs') }), (_, handle) => handle.cancel('too slow'));
    const { outcome, ms } = await run.ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'too slow' });
    expect(ms).toBeGreaterThanOrEqual(250);
    const next = collect(executor, trialTask({}));
    expect((await next.ended).outcome.status).toBe('complete');
  });

  it('fails errors, divergence and NaN as the thread pool does', async () => {
    const outcomes = await Promise.all(
      [{ noop_fail: 'throw' }, { noop_fail: 'diverge' }, { noop_fail: 'nan' }].map(
        async (params) => (await collect(executor, trialTask(params)).ended).outcome,
      ),
    );
    expect(outcomes).toEqual([
      { status: 'failed', kind: 'error', reason: 'Error: noop failed on purpose after step 1' },
      { status: 'failed', kind: 'diverged', reason: 'noop diverged on purpose: loss is NaN after step 1' },
      { status: 'failed', kind: 'error', reason: 'objective returned NaN' },
    ]);
  });

  it('runs trials beyond its slots when a slot frees, in order', async () => {
    const runs = [1, 2, 3, 4].map((i) => collect(executor, trialTask({ i, noop_sleep_ms: 20 })));
    const ends = await Promise.all(runs.map((run) => run.ended));
    expect(ends.map((end) => end.outcome.status)).toEqual(['complete', 'complete', 'complete', 'complete']);
    expect(Math.min(ends[2]!.ms, ends[3]!.ms)).toBeGreaterThan(Math.min(ends[0]!.ms, ends[1]!.ms));
  });

  it('carries NaN and Infinity over IPC', async () => {
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('non-finite-report.mjs') }));
    expect((await run.ended).outcome).toEqual({ status: 'complete', metrics: { nan: Number.NaN, value: 0.5 } });
    expect(run.reports[0]!.metrics).toEqual({ nan: Number.NaN, inf: Number.POSITIVE_INFINITY, value: 0.5 });
  });
});

describe('ProcessPoolExecutor.close', () => {
  it('kills its processes, ends running and waiting trials cancelled, and refuses new ones', async () => {
    const own = new ProcessPoolExecutor({ slots: [{ backend: 'cpu', env: {}, label: '' }] });
    const running = collect(own, trialTask({ noop_sleep_ms: 5_000 }));
    const waiting = collect(own, trialTask({}));
    await until(() => running.logs.length > 0);
    await own.close();
    expect((await running.ended).outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'the executor was closed' });
    expect((await waiting.ended).outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'the executor was closed' });
    const pid = whereNoopRan(running.logs).pid;
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await own.start(trialTask({}), () => 'continue').done).toEqual({ status: 'failed', kind: 'cancelled', reason: 'the executor is closed' });
  });

  it('needs at least one slot', () => {
    expect(() => new ProcessPoolExecutor({ slots: [] })).toThrow(new RangeError('slots must list at least one process slot'));
  });
});
