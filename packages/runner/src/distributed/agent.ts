/**
 * An agent: pulls trial jobs from a queue into this machine's own pool (the same executors a local
 * sweep uses), sends reports back as job progress, and obeys prune and cancel orders. It never
 * touches a database; the coordinator of each sweep records everything.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { BUILT_IN_OBJECTIVES } from '../objectives/load-objective.js';
import { forgetOldAgents, isAgentLive, removeAgent, writeAgent, type AgentInfo } from './agent-registry.js';
import { decodeJobData, encodeProgress, encodeResult, type TrialProgress, type WireReport } from './job-data.js';
import { agentsKey, controlChannel, stopKey } from './keys.js';
import { QueueError } from './queue-error.js';
import { redactUrl, type QueueTarget } from './queue-target.js';
import { checkWhole } from './check-options.js';
import { bullConnection, checkReachable, openRedis } from './redis-client.js';
import { parseStopOrder, type StopOrder } from './stop-order.js';

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
  readonly onEvent?: (event: AgentEvent) => void;
}

export type AgentEvent =
  | { readonly type: 'started'; readonly task: TrialTask; readonly run: string }
  | { readonly type: 'ended'; readonly task: TrialTask; readonly outcome: TrialOutcome }
  | { readonly type: 'refused'; readonly jobId: string; readonly reason: string }
  | { readonly type: 'error'; readonly message: string };

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
  const name = options.name ?? `${os.hostname()}-${process.pid}`;
  const lockMs = options.lockMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const allowed = new Set<string>([...BUILT_IN_OBJECTIVES, ...(options.allowObjectives ?? [])]);
  checkWhole('lockMs', options.lockMs, 100);
  checkWhole('heartbeatMs', options.heartbeatMs, 1);
  const emit = options.onEvent ?? (() => undefined);
  const onError = (message: string) => emit({ type: 'error', message });
  await checkReachable(target);

  const client = openRedis(target, onError);
  const subscriber = openRedis(target, onError);
  const instance = randomBytes(6).toString('hex');
  const identity = { name, host: os.hostname() };
  const startedAt = Date.now();
  const running = new Map<string, RunningJob>();
  try {
    await refuseTakenName(client, target.name, name, instance);
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw error;
  }

  const info = (): AgentInfo => ({
    name,
    host: os.hostname(),
    pid: process.pid,
    instance,
    slots: executor.slots,
    description: executor.description,
    running: [...running.values()].map((job) => ({ sweep: job.task.sweepName, trial: job.task.trialNumber, attempt: job.task.attempt, since: job.since })),
    startedAt,
    lastSeen: Date.now(),
  });
  const register = () => writeAgent(client, target.name, info()).catch((error: Error) => onError(redactUrl(error.message)));

  const obey = (order: StopOrder | undefined) => {
    const job = order ? running.get(order.jobId) : undefined;
    if (!order || !job) return;
    if (order.action === 'prune') job.handle.prune();
    else job.handle.cancel(order.reason ?? 'cancelled by its coordinator');
  };
  // An order published while this agent was disconnected, or just before it took the job, waits in its key.
  const readStoredOrder = (jobId: string) =>
    client.get(stopKey(target.name, jobId)).then(
      (text) => obey(parseStopOrder(text)),
      (error: Error) => onError(redactUrl(error.message)),
    );
  subscriber.on('message', (_channel: string, text: string) => obey(parseStopOrder(text)));
  subscriber.on('ready', () => {
    for (const jobId of running.keys()) void readStoredOrder(jobId);
  });
  await subscriber.subscribe(controlChannel(target.name));

  const processJob = async (job: Job): Promise<object> => {
    let task: TrialTask;
    try {
      task = decodeJobData(job.data).task;
    } catch (error) {
      const reason = `agent ${name} refused job ${job.id}: ${(error as Error).message}`;
      emit({ type: 'refused', jobId: job.id ?? '?', reason });
      throw new Error(reason);
    }
    if (!allowed.has(task.objective)) {
      const reason =
        `agent ${name} does not run objective '${task.objective}': it runs the built-ins (${BUILT_IN_OBJECTIVES.join(', ')}) ` +
        `and the modules it was started with --allow-objective <path> for; install the module at that path on every agent and allow it`;
      emit({ type: 'refused', jobId: job.id ?? '?', reason });
      throw new Error(reason);
    }
    const jobId = job.id as string;
    const run = `${name}#${job.attemptsStarted}`;
    const reports: WireReport[] = [];
    let pending: { i: number; reports: WireReport[]; logs: string[] } | undefined;
    let introduced = false;
    let sent: Promise<unknown> = Promise.resolve();
    // Progress writes go out in order on one connection; the result waits for the last of them.
    const flush = () => {
      const batch = pending;
      pending = undefined;
      if (!batch) return;
      const progress: TrialProgress = { run, ...(introduced ? {} : { agent: identity }), ...batch };
      introduced = true;
      sent = job.updateProgress(encodeProgress(progress)).catch((error: Error) => onError(redactUrl(error.message)));
    };
    const batch = () => {
      if (!pending) {
        pending = { i: reports.length, reports: [], logs: [] };
        setImmediate(flush);
      }
      return pending;
    };
    emit({ type: 'started', task, run });
    const handle = executor.start(
      task,
      (step, metrics) => {
        const report = { step, metrics };
        batch().reports.push(report);
        reports.push(report);
      },
      (line) => batch().logs.push(line),
    );
    // The registration (what `sweep status` lists) follows with the next heartbeat.
    running.set(jobId, { task, handle, since: Date.now() });
    void readStoredOrder(jobId);
    const outcome = await handle.done;
    running.delete(jobId);
    // What is still unsent travels in the result instead of one more message.
    const unsent = pending;
    pending = undefined;
    await sent;
    emit({ type: 'ended', task, outcome });
    return encodeResult({ run, agent: identity, outcome, reports, logs: unsent?.logs ?? [] });
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
  const heartbeat = setInterval(() => void register(), heartbeatMs);
  const running$ = worker.run().catch((error: Error) => onError(redactUrl(error.message)));

  let closing: Promise<void> | undefined;
  return {
    name,
    slots: executor.slots,
    close: (closeOptions = {}) => {
      if (closeOptions.force) for (const job of running.values()) job.handle.cancel(`agent ${name} was stopped`);
      closing ??= (async () => {
        await worker.close();
        await running$;
        clearInterval(heartbeat);
        await removeAgent(client, target.name, name).catch(() => undefined);
        await Promise.allSettled([subscriber.quit(), client.quit()]);
      })();
      return closing;
    },
  };
}

async function refuseTakenName(client: Redis, queue: string, name: string, instance: string): Promise<void> {
  const text = await client.hget(agentsKey(queue), name);
  if (!text) return;
  const other = JSON.parse(text) as AgentInfo;
  if (other.instance !== instance && isAgentLive(other)) {
    throw new QueueError(
      'agent-name',
      `an agent named '${name}' already serves queue '${queue}' (pid ${other.pid} on ${other.host}, seen ${Math.round((Date.now() - other.lastSeen) / 1000)} s ago)`,
      'give this one another --name, or stop that one first',
    );
  }
}
