import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSweepSpec } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';
import { createExecutor } from '../devices/create-executor.js';
import { parseDevices } from '../devices/parse-devices.js';
import { collect, fixtureObjective, trialTask } from '../executor/testing/collect.js';
import { runSweep } from '../orchestrator/run-sweep.js';
import { QueueExecutor } from './queue-executor.js';
import { bullConnection } from './redis-client.js';
import { REDIS_MISSING } from './testing/redis-server.js';
import { HAS_REDIS } from './testing/redis-fixture.js';
import { useQueueFixture } from './testing/queue-fixture.js';
import { readDatabase } from '../test-support/read-database.js';

const { cleanups, target, agent, coordinator } = useQueueFixture('test');

function database() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-dist-'));
  const dbPath = path.join(dir, 'sweep.db');
  const store = SqliteTrialStore.open(dbPath);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  return { dir, dbPath, store };
}

function spec(body: string) {
  return parseSweepSpec(`name: d\nobjective: noop\nmetric: { name: value, goal: maximize }\n${body}`);
}

describe.skipIf(!HAS_REDIS)('a sweep through a BullMQ queue', () => {
  it('runs every trial on the agents and records each once, with its curve and the agent that ran it', async () => {
    const queue = target();
    const { dbPath, store } = database();
    const [a, b] = [await agent(queue, { threads: 1, name: 'a' }), await agent(queue, { threads: 1, name: 'b' })];
    const executor = await coordinator(queue);
    expect(executor.slots).toBe(a.slots + b.slots + 1);
    const outcome = await runSweep({
      store,
      executor,
      start: {
        kind: 'new',
        spec: spec(
          `budget: { trials: 8, max_epochs: 3 }\nsampler: { type: random, seed: 2 }\nparameters:\n  x: { uniform: [0, 1] }\n  noop_sleep_ms: { value: 10 }`,
        ),
        specDir: process.cwd(),
      },
    });
    expect(outcome.status).toBe('finished');
    readDatabase(dbPath, (reader) => {
      const rows = reader.trials('d', { sort: 'number' });
      expect(rows.map((r) => [r.state, r.attempt])).toEqual(new Array(8).fill(['COMPLETE', 1]));
      const curves = reader.learningCurves('d', 'value');
      expect([...curves.values()].map((c) => c.map(([step]) => step))).toEqual(new Array(8).fill([1, 2, 3]));
      for (const row of rows) expect(curves.get(row.number)?.at(-1)?.[1]).toBe(row.value);
      const taken = reader.events('d').filter((e) => e.kind === 'info' && e.message.startsWith('agent '));
      expect(taken).toHaveLength(8);
      expect(new Set(taken.map((e) => e.message.split(' ')[1]))).toEqual(new Set(['a', 'b']));
    });
  });

  it('carries failures as data, exactly as a local run records them: an error, a divergence, a NaN result', async () => {
    const queue = target();
    const body = `budget: { max_epochs: 2 }\nsampler: { type: grid, seed: 0 }\nparameters:\n  noop_fail: { values: [throw, diverge, nan, none] }`;
    const through = database();
    await agent(queue, { threads: 2 });
    await runSweep({ store: through.store, executor: await coordinator(queue), start: { kind: 'new', spec: spec(body), specDir: process.cwd() } });
    const local = database();
    const pool = createExecutor(parseDevices('wasm:2', 2));
    cleanups.push(() => pool.close());
    await runSweep({ store: local.store, executor: pool, start: { kind: 'new', spec: spec(body), specDir: process.cwd() } });
    const rows = (dbPath: string) =>
      readDatabase(dbPath, (reader) => reader.trials('d', { sort: 'number' }).map((r) => [r.params['noop_fail'], r.state, r.value, r.failureReason]));
    expect(rows(through.dbPath)).toEqual(rows(local.dbPath));
    expect(rows(through.dbPath).map(([fail, state]) => [fail, state])).toEqual([
      ['throw', 'FAILED'],
      ['diverge', 'FAILED'],
      ['nan', 'FAILED'],
      ['none', 'COMPLETE'],
    ]);
  });

  it("sends the pruner's decisions to the agent, which stops the trial within a step", async () => {
    const queue = target();
    const { dbPath, store } = database();
    await agent(queue, { threads: 1 });
    const executor = await coordinator(queue);
    // 8 steps of 100 ms; the median pruner stops trials below the median from step 1 on.
    const s = spec(
      `budget: { trials: 6, max_epochs: 8, parallel: 1 }\nsampler: { type: grid, seed: 0 }\npruner: { type: median, min_trials: 2 }\nparameters:\n  x: { values: [0.9, 0.8, 0.1, 0.2, 0.3, 0.4] }\n  noop_sleep_ms: { value: 100 }`,
    );
    await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: process.cwd() } });
    readDatabase(dbPath, (reader) => {
      const pruned = reader.trials('d').filter((r) => r.state === 'PRUNED');
      expect(pruned.length).toBeGreaterThan(0);
      const events = reader.events('d');
      for (const trial of pruned) {
        const decided = events.find((e) => e.trialNumber === trial.number && e.kind === 'trial_pruned');
        const stepDecided = Number(/at step (\d+)/.exec(decided!.message)![1]);
        const lastStep = reader.learningCurves('d', 'value').get(trial.number)!.at(-1)![0];
        // The agent stopped the trial at its next step: no more than one report after the decision.
        expect(lastStep - stepDecided).toBeLessThanOrEqual(1);
        expect(lastStep).toBeLessThan(8);
      }
    });
  });

  it('fails a trial whose objective module the agent does not allow, saying how to allow it', async () => {
    const queue = target();
    const { dir, dbPath, store } = database();
    const module = path.join(dir, 'objective.mjs');
    writeFileSync(module, 'export default async () => 1;\n');
    await agent(queue, { threads: 1 });
    const executor = await coordinator(queue);
    const s = parseSweepSpec(
      `name: d\nobjective: ./objective.mjs\nmetric: { name: value, goal: maximize }\nbudget: { trials: 1 }\nparameters:\n  x: { uniform: [0, 1] }`,
    );
    await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: dir } });
    readDatabase(dbPath, (reader) => {
      const [trial] = reader.trials('d');
      expect(trial!.state).toBe('FAILED');
      expect(trial!.failureReason).toContain(`does not run objective '${module}'`);
      expect(trial!.failureReason).toContain('--allow-objective');
    });
  });

  it('runs an allowed objective module', async () => {
    const queue = target();
    const { dir, dbPath, store } = database();
    const module = path.join(dir, 'objective.mjs');
    writeFileSync(module, 'export default async (params, ctx) => { await ctx.report(1, { value: 0.5 }); return 0.75; };\n');
    await agent(queue, { threads: 1, allowObjectives: [module] });
    const executor = await coordinator(queue);
    const s = parseSweepSpec(
      `name: d\nobjective: ./objective.mjs\nmetric: { name: value, goal: maximize }\nbudget: { trials: 1 }\nparameters:\n  x: { uniform: [0, 1] }`,
    );
    await runSweep({ store, executor, start: { kind: 'new', spec: s, specDir: dir } });
    readDatabase(dbPath, (reader) => expect(reader.trials('d').map((t) => [t.state, t.value])).toEqual([['COMPLETE', 0.75]]));
  });
});

describe.skipIf(!HAS_REDIS)('QueueExecutor on its own', () => {
  const task = (queue: string, trialNumber: number) => ({
    sweepName: 'q',
    sweepKey: `q@${queue}`,
    trialNumber,
    attempt: 1,
    params: { x: 0.5 },
    objective: 'noop',
    seed: 3,
    maxEpochs: 4,
  });

  it('re-attaches to a job finished while no coordinator followed it, replaying every report once', async () => {
    const queue = target();
    await agent(queue, { threads: 1 });
    const first = await coordinator(queue);
    const live: [number, number][] = [];
    const outcome = await first.start(task(queue.name, 0), (step, m) => (live.push([step, m['value']!]), 'continue')).done;
    expect(outcome.status).toBe('complete');
    await first.close();
    const second = await coordinator(queue);
    const replayed: [number, number][] = [];
    const handle = await second.reattach(task(queue.name, 0), (step, m) => (replayed.push([step, m['value']!]), 'continue'));
    expect(await handle!.done).toEqual(outcome);
    expect(replayed).toEqual(live);
    expect(replayed.map(([step]) => step)).toEqual([1, 2, 3, 4]);
    expect(await second.reattach(task(queue.name, 1), () => 'continue')).toBeUndefined();
  });

  // The executor contract, as ThreadPoolExecutor's tests state it, holds through the queue too.
  it('ends a trial pruned within one step of prune(), and cancelled with the reason given to cancel()', async () => {
    const queue = target();
    await agent(queue, { threads: 2 });
    const executor = await coordinator(queue);
    const pruned = collect(
      executor,
      trialTask({ noop_sleep_ms: 100, noop_steps: 50 }, { sweepKey: `p@${queue.name}` }),
      (step, handle) => step === 2 && handle.prune(),
    );
    const cancelled = collect(
      executor,
      trialTask({ noop_sleep_ms: 100, noop_steps: 50 }, { sweepKey: `c@${queue.name}` }),
      (step, handle) => step === 1 && handle.cancel('sweep stopped by the user'),
    );
    expect((await pruned.ended).outcome).toEqual({ status: 'pruned' });
    expect(pruned.reports.map((r) => r.step)).toEqual([1, 2]);
    expect((await cancelled.ended).outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'sweep stopped by the user' });
    expect(cancelled.reports).toHaveLength(1);
  });

  it("ends a trial whose agent's thread dies as crashed, after the reports it sent; the agent goes on", async () => {
    const queue = target();
    await agent(queue, { threads: 1 });
    const executor = await coordinator(queue);
    const crashed = collect(executor, trialTask({ noop_fail: 'crash', noop_fail_step: 2, noop_sleep_ms: 20 }, { sweepKey: `x@${queue.name}` }));
    expect((await crashed.ended).outcome).toEqual({ status: 'failed', kind: 'crashed', reason: 'worker thread died: Error: worker exited with code: 1' });
    expect(crashed.reports.map((r) => r.step)).toEqual([1, 2]);
    const after = collect(executor, trialTask({ noop_sleep_ms: 10 }, { sweepKey: `x@${queue.name}` }));
    expect((await after.ended).outcome.status).toBe('complete');
  });

  it('carries NaN and Infinity in reports and metrics', async () => {
    const queue = target();
    await agent(queue, { threads: 1, allowObjectives: [fixtureObjective('non-finite-report.mjs')] });
    const executor = await coordinator(queue);
    const run = collect(executor, trialTask({}, { objective: fixtureObjective('non-finite-report.mjs'), sweepKey: `n@${queue.name}` }));
    expect((await run.ended).outcome).toEqual({ status: 'complete', metrics: { nan: Number.NaN, value: 0.5 } });
    expect(run.reports[0]!.metrics).toEqual({ nan: Number.NaN, inf: Number.POSITIVE_INFINITY, value: 0.5 });
  });

  it('says once that no agent serves the queue while a trial waits', async () => {
    const queue = target();
    const notices: string[] = [];
    const executor = await QueueExecutor.open({ target: queue, pollMs: 50, onNotice: (line) => notices.push(line) });
    cleanups.push(() => executor.close());
    expect(executor.slots).toBe(2); // nobody yet: one trial waits for the first agent, plus the prefetch
    const handle = executor.start(task(queue.name, 0), () => 'continue');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notices).toEqual([
      `no live agent serves queue '${queue.name}' at ${queue.redactedUrl}: the trials wait until one does (\`sweep agent --queue …\` on a machine that can reach it)`,
    ]);
    await agent(queue, { threads: 1 });
    expect((await handle.done).status).toBe('complete');
  });

  it('takes a job nobody took yet off the queue when cancelled', async () => {
    const queue = target();
    const executor = await coordinator(queue); // no agent: the job waits
    const handle = executor.start(task(queue.name, 0), () => 'continue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    handle.cancel('stopped by the user');
    expect(await handle.done).toEqual({ status: 'failed', kind: 'cancelled', reason: 'stopped by the user' });
  });

  it('ends a trial whose job vanished from Redis (a restart without persistence) as cancelled, to run again', async () => {
    const queue = target();
    const executor = await coordinator(queue);
    const handle = executor.start(task(queue.name, 0), () => 'continue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { Queue } = await import('bullmq');
    const admin = new Queue(queue.name, { connection: bullConnection(queue) });
    await admin.obliterate({ force: true });
    await admin.close();
    const outcome = await handle.done;
    expect(outcome).toMatchObject({ status: 'failed', kind: 'cancelled' });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/vanished from Redis/);
  });
});

if (!HAS_REDIS) {
  describe('without redis-server', () => {
    it.skip(`skips the queue tests: ${REDIS_MISSING}`, () => 'continue');
  });
}
