import { afterAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { noopValue } from '../objectives/noop.js';
import { collect, fixtureObjective, trialTask, until, whereNoopRan } from './testing/collect.js';
import { ThreadPoolExecutor } from './thread-pool-executor.js';

// Real worker threads running the compiled worker (dist/worker/trial-worker.js).
const executor = new ThreadPoolExecutor({ threads: 2, device: 'cpu', cancelGraceMs: 300 });
afterAll(() => executor.close());

describe('ThreadPoolExecutor', () => {
  it('describes itself and has one slot per thread', () => {
    expect(executor.slots).toBe(2);
    expect(executor.description).toBe('2 worker threads (cpu)');
  });

  it('runs two noop trials at once in two threads, with reports in order and the value returned', async () => {
    const a = collect(executor, trialTask({ x: 1, noop_sleep_ms: 200 }, { maxEpochs: 4 }));
    const b = collect(executor, trialTask({ x: 2, noop_sleep_ms: 200 }, { maxEpochs: 4 }));
    const [endA, endB] = await Promise.all([a.ended, b.ended]);
    for (const [run, end, x] of [
      [a, endA, 1],
      [b, endB, 2],
    ] as const) {
      const value = noopValue({ x }, 7);
      expect(end.outcome).toEqual({ status: 'complete', value, metrics: { value, loss: 1 - value } });
      expect(run.reports.map((r) => r.step)).toEqual([1, 2, 3, 4]);
      expect(run.reports.map((r) => r.metrics['value'])).toEqual([1, 2, 3, 4].map((step) => (value * step) / 4));
      expect(run.logs[0]).toMatch(/^noop: 4 steps on cpu \(pid \d+, thread \d+\)$/);
    }
    // Both in this process, in different threads, at the same time.
    expect(whereNoopRan(a.logs).pid).toBe(process.pid);
    expect(whereNoopRan(a.logs).thread).not.toBe(whereNoopRan(b.logs).thread);
    expect(b.reports[0]!.at).toBeLessThan(a.reports[3]!.at);
  });

  it('reuses its threads from trial to trial', async () => {
    const threads = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const run = collect(executor, trialTask({ i }));
      await run.ended;
      threads.add(whereNoopRan(run.logs).thread);
    }
    expect(threads.size).toBeLessThanOrEqual(2);
  });

  it('ends a trial pruned within one step of prune()', async () => {
    const run = collect(executor, trialTask({ noop_sleep_ms: 100, noop_steps: 50 }), (step, handle) => step === 2 && handle.prune());
    const { outcome, ms } = await run.ended;
    expect(outcome).toEqual({ status: 'pruned' });
    expect(run.reports.map((r) => r.step)).toEqual([1, 2]);
    expect(ms).toBeLessThan(2_500);
  });

  it('ends a trial cancelled with the reason given to cancel()', async () => {
    const run = collect(
      executor,
      trialTask({ noop_sleep_ms: 100, noop_steps: 50 }),
      (step, handle) => step === 1 && handle.cancel('sweep stopped by the user'),
    );
    const { outcome, ms } = await run.ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'sweep stopped by the user' });
    expect(run.reports).toHaveLength(1);
    expect(ms).toBeLessThan(2_500);
  });

  it('ends the thread of an objective that ignores cancel() after the grace period, and goes on', async () => {
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('ignores-signal.mjs') }), (_, handle) => handle.cancel('too slow'));
    const { outcome, ms } = await run.ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'too slow' });
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(5_000);
    const [next, other] = [collect(executor, trialTask({ after: 'cancel' })), collect(executor, trialTask({ after: 'cancel', n: 2 }))];
    expect((await next.ended).outcome.status).toBe('complete');
    expect((await other.ended).outcome.status).toBe('complete');
  });

  it('fails a trial whose objective throws, with name and message', async () => {
    const { outcome } = await collect(executor, trialTask({ noop_fail: 'throw' })).ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'error', reason: 'Error: noop failed on purpose after step 1' });
  });

  it('fails a diverging trial as diverged (its error is recognised by code and name, not class)', async () => {
    const run = collect(executor, trialTask({ noop_fail: 'diverge', noop_fail_step: 2 }));
    const { outcome } = await run.ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'diverged', reason: 'noop diverged on purpose: loss is NaN after step 2' });
    expect(run.reports.map((r) => r.step)).toEqual([1, 2]);
  });

  it('fails a trial whose objective returns NaN', async () => {
    const { outcome } = await collect(executor, trialTask({ noop_fail: 'nan' })).ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'error', reason: 'objective returned NaN' });
  });

  it('ends a trial whose thread dies as crashed, after the reports it sent, and runs the next trials on a new thread', async () => {
    const crashed = collect(executor, trialTask({ noop_fail: 'crash', noop_fail_step: 2, noop_sleep_ms: 20 }));
    const { outcome } = await crashed.ended;
    expect(outcome).toEqual({ status: 'failed', kind: 'crashed', reason: 'worker thread died: Error: worker exited with code: 1' });
    expect(crashed.reports.map((r) => r.step)).toEqual([1, 2]);
    const deadThread = whereNoopRan(crashed.logs).thread;
    const after = [collect(executor, trialTask({ noop_sleep_ms: 30, k: 1 })), collect(executor, trialTask({ noop_sleep_ms: 30, k: 2 }))];
    const outcomes = await Promise.all(after.map((run) => run.ended));
    expect(outcomes.map((end) => end.outcome.status)).toEqual(['complete', 'complete']);
    expect(after.map((run) => whereNoopRan(run.logs).thread)).not.toContain(deadThread);
  });

  it('runs a user objective module given by absolute path or file URL', async () => {
    const path = fixtureObjective('user-objective.mjs');
    for (const objective of [path, pathToFileURL(path).href]) {
      const run = collect(executor, trialTask({ x: 5 }, { objective, seed: 3, maxEpochs: 2 }));
      const { outcome } = await run.ended;
      expect(outcome).toEqual({ status: 'complete', metrics: { score: 10, seed: 3 } });
      expect(run.reports).toEqual([expect.objectContaining({ step: 1, metrics: { score: 5 } }), expect.objectContaining({ step: 2, metrics: { score: 10 } })]);
      expect(run.logs).toEqual(['user objective with seed 3']);
    }
  });

  it('fails with a clear reason for a missing module, a module without a default function, or an unknown name', async () => {
    const reasons = await Promise.all(
      ['/no/such/objective.mjs', fixtureObjective('no-default.mjs'), 'rnn'].map(
        async (objective) => (await collect(executor, trialTask({}, { objective })).ended).outcome,
      ),
    );
    expect(reasons).toEqual([
      { status: 'failed', kind: 'error', reason: 'ObjectiveLoadError: objective module /no/such/objective.mjs does not exist' },
      {
        status: 'failed',
        kind: 'error',
        reason: `ObjectiveLoadError: objective module ${fixtureObjective('no-default.mjs')} has no default export (it exports name, objective); write \`export default async function (params, ctx) { … }\``,
      },
      {
        status: 'failed',
        kind: 'error',
        reason:
          "ObjectiveLoadError: unknown objective 'rnn'; the built-in objectives are rnn-text, noop, and a module objective is given by its absolute path or file URL",
      },
    ]);
  });

  it('carries NaN and Infinity in reports and metrics', async () => {
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('non-finite-report.mjs') }));
    expect((await run.ended).outcome).toEqual({ status: 'complete', metrics: { nan: Number.NaN, value: 0.5 } });
    expect(run.reports[0]!.metrics).toEqual({ nan: Number.NaN, inf: Number.POSITIVE_INFINITY, value: 0.5 });
  });
});

describe('ThreadPoolExecutor.close', () => {
  it('ends running trials cancelled and refuses new ones', async () => {
    const own = new ThreadPoolExecutor({ threads: 1 });
    const run = collect(own, trialTask({ noop_sleep_ms: 5_000 }));
    await until(() => run.logs.length > 0);
    await own.close();
    expect((await run.ended).outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'the executor was closed' });
    expect(await own.start(trialTask({}), () => 'continue').done).toEqual({ status: 'failed', kind: 'cancelled', reason: 'the executor is closed' });
  });

  it('checks its options', () => {
    expect(() => new ThreadPoolExecutor({ threads: 0 })).toThrow(new RangeError('threads must be a positive integer, got 0'));
    expect(() => new ThreadPoolExecutor({ threads: 1, cancelGraceMs: -1 })).toThrow(new RangeError('cancelGraceMs must be a finite number >= 0, got -1'));
  });
});
