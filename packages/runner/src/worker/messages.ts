/**
 * The messages between the main thread and a trial running elsewhere. A worker thread uses them on
 * the MessagePort it is given with each task; a process host uses the same shapes on its IPC
 * channel, plus `run` / `ready` / `outcome`, which piscina carries for threads.
 */
import type { TrialOutcome, TrialTask } from '@loopsweep/core';
import type { BackendName } from '@loopsweep/core';
import type { MessagePort } from 'node:worker_threads';

/** From the trial to the main thread, in the order the objective produced them. */
export type TrialMessage =
  /** `checkpoint`: the state the objective offered with the report, only when the task keeps checkpoints. */
  | { readonly type: 'report'; readonly step: number; readonly metrics: Readonly<Record<string, number>>; readonly checkpoint?: unknown }
  | { readonly type: 'log'; readonly line: string };

/**
 * From the main thread to a running trial: the answer to its oldest unanswered report (reports are
 * answered in the order they were sent), or a prune / cancel outside any report.
 */
export type TrialControl =
  { readonly type: 'answer'; readonly stop: boolean } | { readonly type: 'prune' } | { readonly type: 'cancel'; readonly reason: string };

/** What piscina hands the thread worker for each trial; `port` is transferred with the task. */
export interface ThreadTrialRequest {
  readonly task: TrialTask;
  readonly port: MessagePort;
  readonly device: BackendName;
}

/** From the orchestrator's process to a process host. */
export type HostRequest = { readonly type: 'run'; readonly task: TrialTask; readonly device: BackendName } | TrialControl;

/** From a process host to the orchestrator's process. */
export type HostMessage = TrialMessage | { readonly type: 'ready'; readonly pid: number } | { readonly type: 'outcome'; readonly outcome: TrialOutcome };
