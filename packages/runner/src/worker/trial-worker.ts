/**
 * The piscina task handler: one trial per call, in a worker thread that lives for many trials (so
 * a backend such as wasm starts once per thread). Compiled to dist/worker/trial-worker.js; worker
 * threads load compiled JavaScript only.
 */
import type { TrialOutcome } from '@loopsweep/core';
import type { TrialControl, ThreadTrialRequest } from './messages.js';
import { runTrial } from './run-trial.js';

/**
 * Runs `task` and resolves with its outcome. Reports and logs go out on `port` as they happen; prune
 * and cancel come in on it. The port is closed before the outcome is returned, and the main thread
 * waits for that close, so every report has been delivered by the time the outcome is seen.
 */
export default async function runTrialInThread({ task, port, device }: ThreadTrialRequest): Promise<TrialOutcome> {
  const run = runTrial(task, device, (message) => port.postMessage(message));
  port.on('message', (message: TrialControl) => run.control(message));
  try {
    return await run.outcome;
  } finally {
    // An open port with a listener would keep a reference to this trial and leak one per task.
    port.close();
  }
}
