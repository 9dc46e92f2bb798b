/**
 * The main program of a child process that runs trials one at a time in its main thread: the way
 * native backends (tfjs-node, tfjs-node-gpu) must run, since their addon loads in one thread per
 * process. Started by ProcessPoolExecutor with fork(); speaks HostRequest / HostMessage over IPC.
 * Compiled to dist/worker/process-host.js.
 */
import type { HostMessage, HostRequest } from './messages.js';
import { runTrial, type TrialRun } from './run-trial.js';

function send(message: HostMessage): void {
  // The parent may be gone (it was killed): then there is nobody to tell, and 'disconnect' ends us.
  if (process.connected) process.send?.(message);
}

let current: TrialRun | undefined;

process.on('message', (request: HostRequest) => {
  switch (request.type) {
    case 'run': {
      // The parent sends the next 'run' only after this trial's 'outcome', so `current` is free.
      const run = runTrial(request.task, request.device, send);
      current = run;
      void run.outcome.then((outcome) => {
        current = undefined;
        send({ type: 'outcome', outcome });
      });
      return;
    }
    case 'answer':
    case 'prune':
    case 'cancel':
      current?.control(request);
      return;
  }
});

// The orchestrator died or closed the pool: a trial nobody will record is wasted work.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', pid: process.pid });
