/**
 * Trials in child processes, one process per slot, each running one trial at a time in its main
 * thread: the way native backends must run (the tfjs-node addon loads in one thread per process),
 * one process per GPU with CUDA_VISIBLE_DEVICES set (DESIGN.md, "Devices, processes and machines").
 */
import type { ReportListener, TrialExecutor, TrialHandle, TrialTask } from '@loopsweep/core';
import { compiledWorkerFile } from '../worker/compiled-file.js';
import { ChildSlot, type ProcessSlot } from './child-slot.js';
import { DEFAULT_CANCEL_GRACE_MS, cancelledOutcome, validateGraceMs } from './executor-options.js';
import { ProcessTrial } from './process-trial.js';

export interface ProcessPoolOptions {
  /** One child process per slot. */
  readonly slots: readonly ProcessSlot[];
  /** How long cancel() waits for the objective to honour its signal before killing its process. Default 10 s. */
  readonly cancelGraceMs?: number;
  /** Node options for the children (e.g. --max-old-space-size=8192). Default none, not this process's. */
  readonly execArgv?: readonly string[];
}

/**
 * A TrialExecutor over child processes. A child that exits mid-trial ends that trial
 * failed/'crashed' (with the last lines of its stderr in the reason); the slot starts a new child
 * for its next trial. Children start with the first trial they get, and end with close().
 */
export class ProcessPoolExecutor implements TrialExecutor {
  readonly slots: number;
  readonly description: string;
  readonly #slots: readonly ChildSlot[];
  readonly #waiting: ProcessTrial[] = [];
  #closed = false;

  /**
   * @throws {RangeError} if there are no slots or `cancelGraceMs` is negative.
   * @throws {Error} if the package has not been built (dist/worker/process-host.js is missing).
   */
  constructor(options: ProcessPoolOptions) {
    if (options.slots.length === 0) throw new RangeError('slots must list at least one process slot');
    const hostFile = compiledWorkerFile('process-host.js');
    const cancelGraceMs = validateGraceMs(options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
    const execArgv = options.execArgv ?? [];
    this.#slots = options.slots.map((slot) => {
      const child: ChildSlot = new ChildSlot(slot, { hostFile, execArgv, cancelGraceMs, onIdle: () => this.#next(child) });
      return child;
    });
    this.slots = this.#slots.length;
    this.description = describeProcessSlots(options.slots);
  }

  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle {
    const trial = new ProcessTrial(task, onReport, onLog);
    if (this.#closed) {
      trial.finish(cancelledOutcome('the executor is closed'));
      return trial.handle;
    }
    const free = this.#slots.find((slot) => !slot.busy);
    // The caller should not start more than `slots` trials; if it does, the extra ones wait their turn.
    if (free) free.run(trial);
    else this.#waiting.push(trial);
    return trial.handle;
  }

  /** Ends every child process; running and waiting trials end failed/'cancelled'. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const trial of this.#waiting.splice(0)) trial.finish(cancelledOutcome('the executor was closed'));
    await Promise.all(this.#slots.map((slot) => slot.stop()));
  }

  #next(slot: ChildSlot): void {
    for (let trial = this.#waiting.shift(); trial; trial = this.#waiting.shift()) {
      if (trial.settled) continue;
      slot.run(trial);
      return;
    }
  }
}

/** "2 child processes (wasm)", "2 child processes (tfjs-node-gpu on GPU 0, GPU 1)". */
export function describeProcessSlots(slots: readonly ProcessSlot[]): string {
  const byBackend = new Map<string, string[]>();
  for (const slot of slots) {
    const labels = byBackend.get(slot.backend) ?? [];
    if (slot.label) labels.push(slot.label);
    byBackend.set(slot.backend, labels);
  }
  const groups = [...byBackend].map(([backend, labels]) => (labels.length > 0 ? `${backend} on ${labels.join(', ')}` : backend));
  return `${slots.length} child process${slots.length === 1 ? '' : 'es'} (${groups.join('; ')})`;
}
