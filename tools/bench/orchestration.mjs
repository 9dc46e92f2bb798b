#!/usr/bin/env node
// Orchestration overhead: `noop` trials (one report each) through the real orchestrator, a pool
// of worker threads and SQLite on disk — ms per trial overall and per 1,000-trial window.
// Side by side with Optuna + SQLite where Debian's python3-optuna is installed.
//
//   npm run bench:orchestration -- [--trials 10000] [--workers 2] [--optuna-trials 1000] [--no-optuna]
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noopOverheadSpec } from './noop-spec.mjs';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';
import { createExecutor, parseDevices, runSweep } from '@loopsweep/runner';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '2' },
    'optuna-trials': { type: 'string', default: '1000' },
    'no-optuna': { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
const workers = Number(values.workers);
const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-bench-'));
const dbPath = path.join(dir, 'bench.db');

const spec = noopOverheadSpec('orchestration-overhead', trials);

const store = SqliteTrialStore.open(dbPath);
const executor = createExecutor(parseDevices(`wasm:${workers}`, workers));
const started = performance.now();
await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
const totalMs = performance.now() - started;
await executor.close();
store.close();

const reader = SweepReader.open(dbPath);
const rows = reader.trials(spec.name, { sort: 'number' });
reader.close();
const finished = rows
  .map((r) => r.finishedAt)
  .filter((t) => t !== undefined)
  .sort((a, b) => a - b);
console.log(`loopsweep orchestration benchmark — ${trials} noop trials, ${workers} worker threads, SQLite on disk (WAL), node ${process.version}`);
console.log(`  overall: ${(totalMs / trials).toFixed(3)} ms per trial (${(totalMs / 1000).toFixed(1)} s for ${rows.length} trials)`);
const window = 1000;
for (let from = 0; from + window <= finished.length; from += window) {
  const start = from === 0 ? finished[0] : finished[from - 1];
  const end = finished[from + window - 1];
  console.log(`  trials ${String(from + 1).padStart(5)}–${String(from + window).padEnd(5)}: ${((end - start) / window).toFixed(3)} ms per trial`);
}
rmSync(dir, { recursive: true, force: true });

if (!values['no-optuna']) {
  const script = fileURLToPath(new URL('optuna/orchestration.py', import.meta.url));
  const args = [script, values['optuna-trials']];
  let python = spawnSync('/usr/bin/python3', args, { encoding: 'utf8' });
  if (python.status !== 0) python = spawnSync('python3', args, { encoding: 'utf8' });
  if (python.status !== 0) console.log(`\n  optuna: not measured (${(python.stderr || '').trim().split('\n').pop()}); install Debian's python3-optuna`);
  else {
    const optuna = JSON.parse(python.stdout);
    console.log(`\nOptuna ${optuna.version} + SQLite, ${optuna.trials} no-op trials, 1 process (same machine, this run):`);
    console.log(
      `  overall: ${optuna.ms_per_trial.toFixed(2)} ms per trial; first 100: ${optuna.first_100.toFixed(2)} ms, last 100: ${optuna.last_100.toFixed(2)} ms`,
    );
    console.log(`  loopsweep is ${(optuna.ms_per_trial / (totalMs / trials)).toFixed(0)}× lower per trial`);
  }
}
