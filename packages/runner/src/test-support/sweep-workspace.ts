import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TrialExecutor } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';
import { afterEach } from 'vitest';
import { createExecutor } from '../devices/create-executor.js';
import { parseDevices } from '../devices/parse-devices.js';

/** What a runner test needs to run a real sweep: a temp folder, a SQLite file in it, a store on it and an executor. */
export interface SweepWorkspace {
  readonly dir: string;
  readonly dbPath: string;
  readonly store: SqliteTrialStore;
  readonly executor: TrialExecutor;
}

type Cleanup = () => Promise<void> | void;

/**
 * Gives a test file `workspace()`, which opens a fresh SweepWorkspace (worker threads on `devices`,
 * default two wasm threads) that is closed and deleted after the test that opened it. Call at the
 * top level of a test file: it registers the afterEach.
 */
export function sweepWorkspaces(prefix: string): (devices?: string) => SweepWorkspace {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (devices = 'wasm:2') => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `loopsweep-${prefix}-`));
    const dbPath = path.join(dir, 'sweep.db');
    const store = SqliteTrialStore.open(dbPath);
    const executor = createExecutor(parseDevices(devices, 2));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => store.close());
    cleanups.push(() => executor.close());
    return { dir, dbPath, store, executor };
  };
}
