/** Agents and coordinators as separate `sweep` processes around a real redis-server. */
import { readFileSync } from 'node:fs';
import { startSweep, withReader } from '../helpers.js';

export type Started = ReturnType<typeof startSweep>;

/** Resolves when `pattern` shows in the process's stdout; rejects when it exits first or after `timeoutMs`. */
export async function waitForOutput(proc: Started, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let exited = false;
  void proc.done.then(() => (exited = true));
  while (!pattern.test(proc.output().stdout)) {
    if (exited || Date.now() > end) {
      const { stdout, stderr } = proc.output();
      throw new Error(`${exited ? 'exited' : `timed out after ${timeoutMs} ms`} before ${pattern}:\n${stdout}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `sweep agent` on the queue, once it has registered. */
export async function startAgentProcess(url: string, name: string, extra: readonly string[] = []): Promise<Started> {
  const agent = startSweep(['agent', '--queue', url, '--name', name, '--concurrency', '1', ...extra]);
  await waitForOutput(agent, new RegExp(`^agent ${name}: `, 'm'));
  return agent;
}

/** Ctrl-C, then the process's end (SIGKILL after 15 s, which the caller's assertions will show). */
export async function stopProcess(proc: Started): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGINT');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
  await proc.done;
  clearTimeout(timer);
}

/** Trial rows with their curves' steps of the tracked metric. */
export function trialsWithSteps(db: string, sweep: string) {
  return withReader(db, (reader) => {
    const curves = reader.learningCurves(sweep, 'value');
    return reader.trials(sweep, { sort: 'number' }).map((t) => ({
      number: t.number,
      state: t.state,
      attempt: t.attempt,
      value: t.value,
      params: t.params,
      steps: (curves.get(t.number) ?? []).map(([step]) => step),
    }));
  });
}

export function events(db: string, sweep: string) {
  return withReader(db, (reader) => reader.events(sweep));
}

/** The database file's bytes (the writer has closed it, so the WAL is checkpointed into it). */
export function databaseText(db: string): string {
  return readFileSync(db).toString('latin1');
}
