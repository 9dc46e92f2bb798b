/**
 * Ctrl-C during a sweep: the first asks the orchestrator to stop asking for new trials and let the
 * running ones finish; the second aborts the running ones (they go back to the queue for
 * `sweep resume`); a third quits at once.
 */
export interface InterruptActions {
  readonly stopAsking: () => void;
  readonly abortRunning: () => void;
  readonly say: (text: string) => void;
  readonly runningCount: () => number;
}

export function onInterrupt(actions: InterruptActions, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): () => void {
  let presses = 0;
  const handler = () => {
    presses += 1;
    if (presses === 1) {
      const n = actions.runningCount();
      actions.stopAsking();
      actions.say(`stopping: waiting for ${n} running trial${n === 1 ? '' : 's'} (Ctrl-C again to abort them)`);
    } else if (presses === 2) {
      const n = actions.runningCount();
      actions.abortRunning();
      actions.say(`aborting ${n} running trial${n === 1 ? '; it' : 's; they'} will run again on \`sweep resume\` (Ctrl-C again to quit at once)`);
    } else {
      actions.say('quitting now');
      process.exit(130);
    }
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
