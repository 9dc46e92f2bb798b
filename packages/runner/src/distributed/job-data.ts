/**
 * What travels through the queue for one trial. A job carries data only, never code: the params,
 * the objective's name (or the module path the agent must allow), seeds and limits.
 */
import type { TrialOutcome, TrialTask } from '@loopsweep/core';
import { fromWire, toWire } from './wire.js';

/** The BullMQ job name of a trial. */
export const TRIAL_JOB = 'trial';
/** The format of TrialJobData; an agent refuses jobs of a newer one. */
export const JOB_FORMAT = 1;

export interface TrialJobData {
  readonly format: number;
  readonly task: TrialTask;
  /** The coordinator's host, for agents' logs. */
  readonly coordinator: string;
  /**
   * The coordinator's presence id (coordinator-presence.ts): an agent waits for answers to the
   * job's reports only while that coordinator is there. Absent in jobs of older coordinators.
   */
  readonly presence?: string;
}

/** One report of a trial, as the agent saw it. */
export interface WireReport {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface AgentIdentity {
  readonly name: string;
  readonly host: string;
}

/**
 * A job's progress message: what the trial reported and logged since the previous one, sent at
 * most once per turn of the agent's event loop (why: each message is a Redis round trip and an
 * event every coordinator on the queue reads; a trial that reports in quick bursts costs one).
 * `run` names one execution of the job (agent and BullMQ start count): a job taken again after its
 * agent died starts a new run, whose reports count again from i = 0.
 */
export interface TrialProgress {
  readonly run: string;
  /** On the run's first message: who runs it. */
  readonly agent?: AgentIdentity;
  readonly logs: readonly string[];
  /** The index within the run of reports[0]. */
  readonly i: number;
  readonly reports: readonly WireReport[];
}

/** A job's return value: the outcome, every report of the run that produced it, and the log lines not sent yet. */
export interface TrialJobResult {
  readonly run: string;
  readonly agent: AgentIdentity;
  readonly outcome: TrialOutcome;
  readonly reports: readonly WireReport[];
  readonly logs: readonly string[];
}

/**
 * `<sweep key>/<trial>/<attempt>`: the same attempt of the same trial is one job, so enqueueing it
 * again (a coordinator that resumes) adds nothing. '/' and '@' never occur in sweep names.
 */
export function jobIdFor(task: Pick<TrialTask, 'sweepName' | 'sweepKey' | 'trialNumber' | 'attempt'>): string {
  return `${task.sweepKey ?? task.sweepName}/${task.trialNumber}/${task.attempt}`;
}

export function encodeJobData(task: TrialTask, coordinator: string, presence?: string): TrialJobData {
  return toWire({ format: JOB_FORMAT, task, coordinator, ...(presence === undefined ? {} : { presence }) }) as TrialJobData;
}

/**
 * The task of a job, checked: agents take jobs from any coordinator that can reach the queue.
 * @throws {Error} saying what is malformed, or that the job is of a newer format.
 */
export function decodeJobData(data: unknown): TrialJobData {
  const decoded = fromWire(data) as Partial<TrialJobData> | undefined;
  if (!decoded || typeof decoded !== 'object') throw new Error('malformed job: its data is not an object');
  if (typeof decoded.format !== 'number') throw new Error('malformed job: no format number');
  if (decoded.format > JOB_FORMAT)
    throw new Error(`job format ${decoded.format} is newer than this agent's (${JOB_FORMAT}): upgrade loopsweep on this machine`);
  const task = decoded.task as Partial<TrialTask> | undefined;
  const problems = [
    typeof task?.sweepName === 'string' ? '' : 'sweepName',
    Number.isInteger(task?.trialNumber) ? '' : 'trialNumber',
    Number.isInteger(task?.attempt) ? '' : 'attempt',
    typeof task?.objective === 'string' || (typeof task?.objective === 'object' && task.objective !== null && Array.isArray(task.objective.command))
      ? ''
      : 'objective',
    Number.isInteger(task?.seed) ? '' : 'seed',
    task?.params && typeof task.params === 'object' ? '' : 'params',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`malformed job: task field(s) ${problems.join(', ')} missing or of the wrong type`);
  return decoded as TrialJobData;
}

export function encodeProgress(progress: TrialProgress): object {
  return toWire(progress) as object;
}

export function decodeProgress(data: unknown): TrialProgress | undefined {
  const decoded = fromWire(data) as TrialProgress | undefined;
  return decoded && typeof decoded === 'object' && typeof decoded.run === 'string' && Array.isArray(decoded.reports) && Array.isArray(decoded.logs)
    ? decoded
    : undefined;
}

export function encodeResult(result: TrialJobResult): object {
  return toWire(result) as object;
}

/** BullMQ hands return values back parsed or as JSON text, depending on the path. */
export function decodeResult(value: unknown): TrialJobResult | undefined {
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  const decoded = fromWire(parsed) as TrialJobResult | undefined;
  return decoded && typeof decoded === 'object' && decoded.outcome && decoded.agent && Array.isArray(decoded.reports) && Array.isArray(decoded.logs)
    ? decoded
    : undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
