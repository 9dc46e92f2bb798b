/** Builds the executor that runs trials on the given device slots. */
import type { TrialExecutor } from '@loopsweep/core';
import type { ResourceLimits } from 'node:worker_threads';
import { ProcessPoolExecutor } from '../executor/process-pool-executor.js';
import { ThreadPoolExecutor } from '../executor/thread-pool-executor.js';
import type { DeviceSlots } from './device-slots.js';

export interface CreateExecutorOptions {
  /** How long cancel() waits before ending a trial's thread or process. Default 10 s. */
  readonly cancelGraceMs?: number;
  /** Thread slots only: V8 heap limits per worker thread. */
  readonly resourceLimits?: ResourceLimits;
  /** Process slots only: Node options for the child processes. */
  readonly execArgv?: readonly string[];
}

/**
 * A ThreadPoolExecutor for thread slots (threads start now), a ProcessPoolExecutor for process
 * slots (processes start with their first trial). The caller owns it and must close() it.
 *
 * @throws {Error} if @loopsweep/runner has not been built (the worker entries are compiled files).
 */
export function createExecutor(slots: DeviceSlots, options: CreateExecutorOptions = {}): TrialExecutor {
  const cancelGrace = options.cancelGraceMs !== undefined ? { cancelGraceMs: options.cancelGraceMs } : {};
  if (slots.kind === 'threads') {
    return new ThreadPoolExecutor({
      threads: slots.threads,
      device: slots.backend,
      ...cancelGrace,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
  }
  return new ProcessPoolExecutor({ slots: slots.slots, ...cancelGrace, ...(options.execArgv ? { execArgv: options.execArgv } : {}) });
}
