/** Test helpers: run trials on an executor and keep everything they said. */
import type { ReportAnswer, TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { fileURLToPath } from 'node:url';

export interface Collected {
  readonly handle: TrialHandle;
  readonly reports: { step: number; metrics: Readonly<Record<string, number>>; at: number }[];
  readonly logs: string[];
  /** Resolves with the outcome and how long the trial took, in ms. */
  readonly ended: Promise<{ outcome: TrialOutcome; ms: number }>;
}

let trialNumber = 0;

/** A noop trial (or `objective`) with these params, seed 7 and 3 steps unless overridden. */
export function trialTask(params: TrialTask['params'], extra: Partial<TrialTask> = {}): TrialTask {
  trialNumber += 1;
  return { sweepName: 'executor-test', trialNumber, attempt: 1, params, objective: 'noop', seed: 7, maxEpochs: 3, ...extra };
}

/**
 * Starts `task`; `onReport` may act on the handle (prune, cancel) and answer the report as an
 * orchestrator would; anything but an answer ('stop', 'continue' or a promise of one) means 'continue'.
 */
export function collect(executor: TrialExecutor, task: TrialTask, onReport?: (step: number, handle: TrialHandle) => unknown): Collected {
  const reports: Collected['reports'] = [];
  const logs: string[] = [];
  const started = performance.now();
  const handle: TrialHandle = executor.start(
    task,
    (step, metrics) => {
      reports.push({ step, metrics, at: performance.now() - started });
      const answer = onReport?.(step, handle);
      return answer === 'stop' || answer instanceof Promise ? (answer as ReportAnswer | Promise<ReportAnswer>) : 'continue';
    },
    (line) => logs.push(line),
  );
  const ended = handle.done.then((outcome) => ({ outcome, ms: performance.now() - started }));
  return { handle, reports, logs, ended };
}

/** The absolute path of a fixture objective module. */
export function fixtureObjective(name: string): string {
  return fileURLToPath(new URL(`../../objectives/fixtures/${name}`, import.meta.url));
}

/** The pid and thread id from noop's first log line: `noop: 3 steps on wasm (pid 12, thread 3)`. */
export function whereNoopRan(logs: readonly string[]): { pid: number; thread: number } {
  const match = /\(pid (\d+), thread (\d+)\)$/.exec(logs[0] ?? '');
  if (!match) throw new Error(`no noop start line in ${JSON.stringify(logs)}`);
  return { pid: Number(match[1]), thread: Number(match[2]) };
}

/** Waits until `condition()` holds, polling every 10 ms. @throws {Error} after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
