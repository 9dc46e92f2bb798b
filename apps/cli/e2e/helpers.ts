/** Running the built `sweep` CLI as a child process, each test in its own temp folder and database. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SweepReader } from '@loopsweep/store';

export const CLI_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(CLI_ROOT, '../..');
export const MAIN = path.join(CLI_ROOT, 'dist/main.js');

if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the CLI first (npx tsc -p tsconfig.build.json in apps/cli, or npm run build)`);

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temp folder with a database path in it; `cleanup()` removes both. */
export function workspace(prefix = 'sweep-e2e-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const db = path.join(dir, 'sweeps.db');
  return {
    dir,
    db,
    file: (name: string, text?: string) => {
      const file = path.join(dir, name);
      if (text !== undefined) writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const BASE_ENV = { ...process.env, LOOPSWEEP_DB: '', LOOPSWEEP_DEBUG: '', FORCE_COLOR: '0' };

/** Runs `sweep …` to its end. */
export function sweep(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...BASE_ENV, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `sweep …` in the background; `done` resolves when it exits. */
export function startSweep(args: readonly string[], options: { cwd?: string } = {}) {
  const child: ChildProcess = spawn(process.execPath, [MAIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: BASE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve) => child.on('exit', (code, signal) => setImmediate(() => resolve({ code, signal, stdout, stderr }))));
  return { child, done, output: () => ({ stdout, stderr }) };
}

/** Parses stdout as JSON, failing with the output when it is not. */
export function json<T = any>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Reads the database read-only, as `sweep status` does. */
export function withReader<T>(db: string, fn: (reader: SweepReader) => T): T {
  const reader = SweepReader.open(db);
  try {
    return fn(reader);
  } finally {
    reader.close();
  }
}

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs = 30_000, everyMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Counts trials per state, or 0s when the database or sweep is not there yet. */
export function countStates(db: string, name: string): Record<string, number> {
  if (!existsSync(db)) return {};
  try {
    return withReader(db, (reader) => reader.summary(name)?.counts ?? {});
  } catch {
    return {};
  }
}

/** A noop sweep spec. */
export function noopSpec(options: {
  name: string;
  trials?: number;
  parallel?: number;
  maxEpochs?: number;
  sleepMs?: number;
  sampler?: string;
  extra?: string;
  parameters?: string;
}): string {
  const budget = [
    options.trials !== undefined ? `trials: ${options.trials}` : '',
    `parallel: ${options.parallel ?? 2}`,
    `max_epochs: ${options.maxEpochs ?? 3}`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `name: ${options.name}`,
    'objective: noop',
    'metric: { name: value, goal: maximize }',
    `budget: { ${budget} }`,
    `sampler: ${options.sampler ?? '{ type: random, seed: 1 }'}`,
    options.extra ?? '',
    'parameters:',
    options.parameters ?? '  x: { uniform: [0, 1] }\n  opt: { values: [adam, sgd] }',
    options.sleepMs !== undefined ? `  noop_sleep_ms: { value: ${options.sleepMs} }` : '',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
