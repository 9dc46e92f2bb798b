/**
 * Trials in worker threads of this process (piscina), for the pure-JavaScript backends: wasm, cpu,
 * webgpu. Threads live as long as the pool, so each starts its backend once and reuses it.
 */
import type { BackendName, ReportListener, TrialExecutor, TrialHandle, TrialOutcome, TrialTask } from '@loopsweep/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { compiledWorkerFile } from '../worker/compiled-file.js';
import { describeError } from '../worker/describe-error.js';
import type { ThreadTrialRequest, TrialControl, TrialMessage } from '../worker/messages.js';
import { TrialCancelledError } from '../worker/trial-cancelled-error.js';
import { DEFAULT_CANCEL_GRACE_MS, cancelledOutcome, validateCount, validateGraceMs } from './executor-options.js';
import { answerReport } from './answer-report.js';
import { compileOnTrialThreadsWhenSaturated } from './compile-on-trial-threads.js';

const PORT_CLOSE_WAIT_MS = 1_000;

export interface ThreadPoolOptions {
  /** Worker threads, each running one trial at a time. A wasm thread holds about 260–290 MB. */
  readonly threads: number;
  /** Backend every trial is asked to use. Default 'wasm'. */
  readonly device?: BackendName;
  /** How long cancel() waits for the objective to honour its signal before ending the thread. Default 10 s. */
  readonly cancelGraceMs?: number;
  /** V8 heap limits per thread: a trial over them ends 'crashed' instead of taking the process down. */
  readonly resourceLimits?: ResourceLimits;
}

/**
 * A TrialExecutor over a fixed set of worker threads.
 *
 * A thread that dies mid-trial (process.exit in the objective, an uncaught error, a heap limit)
 * ends that trial failed/'crashed'; piscina starts a replacement thread for the next one.
 */
export class ThreadPoolExecutor implements TrialExecutor {
  readonly slots: number;
  readonly description: string;
  readonly #pool: Piscina;
  readonly #device: BackendName;
  readonly #cancelGraceMs: number;
  readonly #running = new Map<(reason: string) => void, Promise<TrialOutcome>>();
  #closed = false;

  /**
   * Starts the threads now; each loads the compiled worker (dist/worker/trial-worker.js).
   *
   * @throws {RangeError} if `threads` is not a positive integer or `cancelGraceMs` is negative.
   * @throws {Error} if the package has not been built.
   */
  constructor(options: ThreadPoolOptions) {
    this.slots = validateCount('threads', options.threads);
    this.#device = options.device ?? 'wasm';
    this.#cancelGraceMs = validateGraceMs(options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
    this.description = `${this.slots} worker thread${this.slots === 1 ? '' : 's'} (${this.#device})`;
    // Before the threads start: the setting applies to isolates created after it.
    compileOnTrialThreadsWhenSaturated(this.slots);
    this.#pool = new Piscina({
      filename: compiledWorkerFile('trial-worker.js'),
      minThreads: this.slots,
      maxThreads: this.slots,
      // Threads are never retired for idleness: a new one would start its backend again.
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      // Piscina's default parks idle threads in Atomics.wait, freezing their event loops between tasks;
      // a backend's pending cleanup (wasm, webgpu) must be able to run then.
      atomics: 'disabled',
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    // A thread that fails while idle (a stray timer in a user objective) is replaced by piscina; no
    // trial is affected, and an unhandled 'error' event would end this process.
    this.#pool.on('error', () => undefined);
  }

  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle {
    if (this.#closed) return endedHandle(cancelledOutcome('the executor is closed'));
    const { port1, port2 } = new MessageChannel();
    const terminate = new AbortController();
    let cancelReason: string | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let settled = false;

    // The worker closes its end after its last message, and a port delivers everything sent before
    // its close: waiting for 'close' means every report has been handed to onReport.
    const portClosed = new Promise<void>((resolve) => port1.once('close', resolve));
    const post = (control: TrialControl) => {
      if (!settled) port1.postMessage(control);
    };
    let answered: Promise<void> = Promise.resolve();
    port1.on('message', (message: TrialMessage) => {
      if (message.type === 'report') answered = answerReport(onReport, message, post, answered);
      else onLog?.(message.line);
    });
    const cancel = (reason: string) => {
      if (settled || cancelReason !== undefined) return;
      cancelReason = reason;
      post({ type: 'cancel', reason });
      graceTimer = setTimeout(() => terminate.abort(new TrialCancelledError(reason)), this.#cancelGraceMs);
    };
    // close(): no grace, the threads are terminated right after.
    const cancelNow = (reason: string) => {
      cancelReason ??= reason;
    };

    const request: ThreadTrialRequest = { task, port: port2, device: this.#device };
    const done = this.#pool.run(request, { transferList: [port2], signal: terminate.signal }).then(
      async (outcome: TrialOutcome) => {
        await portClosed;
        return outcome;
      },
      async (error: unknown): Promise<TrialOutcome> => {
        // A dead thread's port closes after the messages it sent before dying; wait for them (but
        // not forever), so that onReport has seen every report that made it out.
        await Promise.race([portClosed, sleep(PORT_CLOSE_WAIT_MS, undefined, { ref: false })]);
        return cancelReason !== undefined
          ? cancelledOutcome(cancelReason)
          : { status: 'failed', kind: 'crashed', reason: `worker thread died: ${describeError(error)}` };
      },
    );
    const finished = done.finally(() => {
      settled = true;
      clearTimeout(graceTimer);
      port1.close();
      this.#running.delete(cancelNow);
    });
    this.#running.set(cancelNow, finished);
    return { done: finished, prune: () => post({ type: 'prune' }), cancel };
  }

  /** Terminates every thread; running trials end failed/'cancelled' ("the executor was closed"). */
  async close(): Promise<void> {
    this.#closed = true;
    const running = [...this.#running];
    for (const [cancelNow] of running) cancelNow('the executor was closed');
    await this.#pool.destroy();
    await Promise.all(running.map(([, finished]) => finished));
  }
}

function endedHandle(outcome: TrialOutcome): TrialHandle {
  return { done: Promise.resolve(outcome), prune: () => undefined, cancel: () => undefined };
}
