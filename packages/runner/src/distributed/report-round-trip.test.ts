import { describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { collect, fixtureObjective, trialTask, until } from '../executor/testing/collect.js';
import { type AgentEvent } from './agent.js';
import { TRIAL_JOB, decodeResult, encodeJobData, jobIdFor } from './job-data.js';
import { bullConnection } from './redis-client.js';
import { HAS_REDIS } from './testing/redis-fixture.js';
import { useQueueFixture } from './testing/queue-fixture.js';

const { cleanups, target, agent, coordinator } = useQueueFixture('answers');

describe.skipIf(!HAS_REDIS)("a report's answer, through Redis", () => {
  // noop_sleep_ms 0: without the round trip, steps 3, 4 … would be reported before a stop arrived.
  it("ends a trial pruned with exactly the steps up to the one answered 'stop'", async () => {
    const queue = target();
    await agent(queue);
    const executor = await coordinator(queue);
    const run = collect(executor, trialTask({ noop_sleep_ms: 0, noop_steps: 200 }, { sweepKey: `s@${queue.name}`, maxEpochs: 200 }), (step) =>
      step === 2 ? 'stop' : 'continue',
    );
    expect((await run.ended).outcome).toEqual({ status: 'pruned' });
    expect(run.reports.map((r) => r.step)).toEqual([1, 2]);
  });

  it("lets an objective that awaits ctx.report see its signal aborted as soon as the answer is 'stop'", async () => {
    const queue = target();
    const objective = fixtureObjective('logs-signal-after-report.mjs');
    await agent(queue, { allowObjectives: [objective] });
    const executor = await coordinator(queue);
    // The answer comes late: the objective must wait for it rather than run on.
    const run = collect(
      executor,
      trialTask({}, { objective, sweepKey: `a@${queue.name}`, maxEpochs: 20 }),
      (step) => new Promise((resolve) => setTimeout(() => resolve(step === 2 ? 'stop' : 'continue'), 100)),
    );
    expect((await run.ended).outcome).toEqual({ status: 'pruned' });
    expect(run.reports.map((r) => r.step)).toEqual([1, 2]);
    expect(run.logs.filter((line) => line.startsWith('after report'))).toEqual(['after report 1: signal live', 'after report 2: signal aborted']);
  });

  it('goes on after one timeout when no answer comes (no coordinator follows the job), saying so, and waits no more in that run', async () => {
    const queue = target();
    const events: AgentEvent[] = [];
    const at = new Map<string, number>();
    await agent(queue, {
      answerTimeoutMs: 400,
      onEvent: (event) => {
        events.push(event);
        at.set(event.type, performance.now());
      },
    });
    const jobs = new Queue(queue.name, { connection: bullConnection(queue) });
    cleanups.push(() => jobs.close());
    const task = trialTask({ noop_sleep_ms: 0, noop_steps: 3 }, { sweepKey: `t@${queue.name}` });
    await jobs.add(TRIAL_JOB, encodeJobData(task, 'nowhere'), { jobId: jobIdFor(task) });
    await until(() => events.some((e) => e.type === 'ended'), 10_000);
    let job = await jobs.getJob(jobIdFor(task));
    while (job?.finishedOn === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await jobs.getJob(jobIdFor(task));
    }
    const result = decodeResult(job.returnvalue);
    expect(result?.outcome.status).toBe('complete');
    expect(result?.reports.map((r) => r.step)).toEqual([1, 2, 3]);
    // The first report waited out the timeout; the two after it went on at once (waiting for each
    // would take three timeouts, 1.2 s: far from one, even on a loaded machine).
    const ran = (at.get('ended') as number) - (at.get('started') as number);
    expect(ran).toBeGreaterThanOrEqual(400);
    expect(ran).toBeLessThan(1200);
    const notices = events.filter((e) => e.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ message: expect.stringContaining('no answer from the coordinator to report 1 of run') });
  });
});
