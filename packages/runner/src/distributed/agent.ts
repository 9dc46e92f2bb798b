/**
 * An agent: pulls trial jobs from a queue into this machine's own pool (the same executors a local
 * sweep uses), sends reports back as job progress, and obeys prune and cancel orders. It never
 * touches a database; the coordinator of each sweep records everything.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { Worker, type Job } from 'bullmq';
import { acceptJob } from './accept-job.js';
import { AnswerInbox } from './answer-inbox.js';
import { checkNameFree, forgetOldAgents, removeAgent, writeAgent, type AgentInfo } from './agent-registry.js';
import { checkWhole } from './check-options.js';
import { encodeProgress, encodeResult } from './job-data.js';
import { ProgressBatcher } from './progress-batcher.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { bullConnection, checkReachable, openRedis } from './redis-client.js';
import { StopOrderListener } from './stop-orders.js';

export interface AgentOptions {
  readonly target: QueueTarget;
  /** This machine's pool; the agent takes as many jobs at once as it has slots. The caller closes it. */
  readonly executor: TrialExecutor;
  /** Shown by `sweep status`; unique among live agents of the queue. Default `<host>-<pid>`. */
  readonly name?: string;
  /**
   * Absolute paths of objective modules this agent may run. Built-in objectives always run; a job
   * naming any other module fails with the reason, since a job must never make an agent run code
   * its owner did not choose.
   */
  readonly allowObjectives?: readonly string[];
  /**
   * BullMQ's job lock: an agent that stops renewing it (killed, frozen) loses its jobs to other
   * agents after about this long. Also the interval of the stalled-job check. Default 30 s.
   */
  readonly lockMs?: number;
  /** How often the agent refreshes its registration. Default 2 s. */
  readonly heartbeatMs?: number;
  /**
   * How long a report waits for its coordinator's answer (the orchestrator stores it and asks the
   * pruner first) before the trial goes on as if told 'continue', and stops waiting for answers
   * for the rest of that run. The last resort: a coordinator that is gone, a reconnection and a
   * report that could not be sent release reports at once (answer-inbox.ts). Default 30 s.
   */
  readonly answerTimeoutMs?: number;
  readonly onEvent?: (event: AgentEvent) => void;
}

export type AgentEvent =
  | { readonly type: 'started'; readonly task: TrialTask; readonly run: string }
  | { readonly type: 'ended'; readonly task: TrialTask; readonly outcome: TrialOutcome }
  | { readonly type: 'refused'; readonly jobId: string; readonly reason: string }
  | { readonly type: 'error'; readonly message: string }
  /** Something the agent's owner should know that is not a Redis error (a report left unanswered). */
  | { readonly type: 'notice'; readonly message: string };

export interface Agent {
  readonly name: string;
  readonly slots: number;
  /**
   * Stops taking jobs and waits for the running trials to end. `force` cancels them first: they end
   * 'cancelled' and their coordinators queue them again.
   */
  close(options?: { readonly force?: boolean }): Promise<void>;
}

interface RunningJob {
  readonly task: TrialTask;
  readonly handle: TrialHandle;
  readonly since: number;
}

/**
 * Registers the agent and starts taking jobs.
 * @throws {RangeError} for lockMs or heartbeatMs out of range (before connecting).
 * @throws {QueueError} when Redis cannot be reached or refuses the login, or another live agent
 *   uses this name.
 */
export async function startAgent(options: AgentOptions): Promise<Agent> {
  const { target, executor } = options;
  checkWhole('lockMs', options.lockMs, 100);
  checkWhole('heartbeatMs', options.heartbeatMs, 1);
  checkWhole('answerTimeoutMs', options.answerTimeoutMs, 1);
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;
  const name = options.name ?? `${os.hostname()}-${process.pid}`;
  const lockMs = options.lockMs ?? 30_000;
  const allowed = new Set(options.allowObjectives ?? []);
  const emit = options.onEvent ?? (() => undefined);
  const onError = (message: string) => emit({ type: 'error', message });
  await checkReachable(target);

  const client = openRedis(target, onError);
  const identity = { name, host: os.hostname() };
  const instance = randomBytes(6).toString('hex');
  let orders: StopOrderListener;
  let answers: AnswerInbox;
  const unanswered = new Map<string, (line: string) => void>();
  const onGiveUp = (jobId: string, _run: string, why: string) => {
    emit({ type: 'notice', message: `job ${jobId}: ${why}` });
    unanswered.get(jobId)?.(why);
  };
  try {
    await checkNameFree(client, target.name, name, instance);
    orders = await StopOrderListener.listen(target, client, onError);
  } catch (error) {
    client.disconnect();
    throw error;
  }
  try {
    answers = await AnswerInbox.open({ target, agent: name, client, timeoutMs: answerTimeoutMs, onGiveUp, onError });
  } catch (error) {
    await orders.close();
    client.disconnect();
    throw error;
  }

  const running = new Map<string, RunningJob>();
  const startedAt = Date.now();
  const info = (): AgentInfo => ({
    ...identity,
    pid: process.pid,
    instance,
    slots: executor.slots,
    description: executor.description,
    running: [...running.values()].map((job) => ({ sweep: job.task.sweepName, trial: job.task.trialNumber, attempt: job.task.attempt, since: job.since })),
    startedAt,
    lastSeen: Date.now(),
  });
  const register = () => writeAgent(client, target.name, info()).catch((error: Error) => onError(redactUrl(error.message)));

  const processJob = async (job: Job): Promise<object> => {
    const jobId = job.id as string;
    let task: TrialTask;
    try {
      task = acceptJob(name, jobId, job.data, allowed);
    } catch (error) {
      emit({ type: 'refused', jobId, reason: (error as Error).message });
      throw error; // BullMQ fails the job with this reason; the coordinator records it
    }
    const run = `${name}#${job.attemptsStarted}`;
    // The coordinator that waits for this job's reports (a job of an older coordinator names none).
    const presence = typeof (job.data as { presence?: unknown }).presence === 'string' ? (job.data as { presence: string }).presence : undefined;
    const progress = new ProgressBatcher(run, identity, (message) =>
      job.updateProgress(encodeProgress(message)).catch((error: Error) => {
        // Reports that never reached Redis get no answer (the job is gone, e.g. after a Redis restart without persistence).
        onError(redactUrl(error.message));
        answers.lost(jobId, run, message.i, message.reports.length);
      }),
    );
    emit({ type: 'started', task, run });
    // Each report waits for its coordinator's answer (by job, run and index), as in a local pool.
    const handle = executor.start(
      task,
      (step, metrics) => answers.wait(jobId, run, progress.report(step, metrics), presence),
      (line) => progress.log(line),
    );
    unanswered.set(jobId, (line) => progress.log(line));
    // The registration (what `sweep status` lists) follows with the next heartbeat.
    running.set(jobId, { task, handle, since: Date.now() });
    orders.follow(jobId, handle);
    const outcome = await handle.done;
    answers.release(jobId);
    unanswered.delete(jobId);
    orders.forget(jobId);
    running.delete(jobId);
    const { reports, logs } = await progress.finish();
    emit({ type: 'ended', task, outcome });
    return encodeResult({ run, agent: identity, outcome, reports, logs });
  };

  const worker = new Worker(target.name, processJob, {
    connection: bullConnection(target),
    concurrency: executor.slots,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 1,
    autorun: false,
    name,
  });
  worker.on('error', (error: Error) => onError(redactUrl(error.message)));
  await register();
  void forgetOldAgents(client, target.name).catch(() => undefined);
  const heartbeat = setInterval(() => void register(), options.heartbeatMs ?? 2_000);
  const working = worker.run().catch((error: Error) => onError(redactUrl(error.message)));

  let closing: Promise<void> | undefined;
  return {
    name,
    slots: executor.slots,
    close: (closeOptions = {}) => {
      if (closeOptions.force) for (const job of running.values()) job.handle.cancel(`agent ${name} was stopped`);
      closing ??= (async () => {
        await worker.close();
        await working;
        clearInterval(heartbeat);
        await removeAgent(client, target.name, name).catch(() => undefined);
        await orders.close();
        await answers.close();
        await client.quit().catch(() => client.disconnect());
      })();
      return closing;
    },
  };
}
