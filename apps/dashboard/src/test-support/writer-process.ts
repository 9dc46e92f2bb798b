/** Starts writer-process.mjs: another OS process writing the database through the real writer. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface WriterProcess {
  /** Sends one command and resolves when the writer has committed it. */
  send(command: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startWriterProcess(dbPath: string): Promise<WriterProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./writer-process.mjs', import.meta.url)), dbPath], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done === true) throw new Error('the writer process exited');
    return JSON.parse(value) as Record<string, unknown>;
  };
  await next();
  return {
    async send(command) {
      child.stdin.write(`${JSON.stringify(command)}\n`);
      await next();
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
