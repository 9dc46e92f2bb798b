#!/usr/bin/env node
// Pool scaling: the same 8 real `rnn-text` trials (a grid, so every run trains the same models)
// with 1, 2, … worker threads; wall time and speedup (throughput ratio), and where the time of a
// run with more threads goes, so that a loss can be traced to its cause:
//
//   - trial threads' CPU: the objectives themselves, per thread;
//   - V8's helper threads' CPU: optimizing compilation (TurboFan) and garbage collection of every
//     isolate in the process; with one trial thread they run on an otherwise idle core, with as
//     many trial threads as cores they take time from the trials;
//   - the main thread's CPU: orchestrator, sampler, SQLite;
//   - training epochs (Σ epoch_seconds over trials, wall) against the same sum with one thread: how
//     much slower a thread trains while the others train too;
//   - fixed cost per trial (trial wall − its epochs: data, model, validation, test) and slot idle
//     time (threads × wall − Σ trial wall: warm-up before the first trial and the tail).
//
//   npm run bench:pool -- [--workers 1,2] [--runs 3] [--epochs 8] [--limit 3000] [--impls fast]
//                         [--json out.json]
//
// Each worker count runs `--runs` times, interleaved (1, 2, 1, 2, …) so load from elsewhere falls
// on each alike, each run in a fresh Node process as `sweep run` would be (a process keeps what V8
// compiled and any V8 flag set by an earlier pool); the speedup is median wall of 1 thread ÷
// median wall of N. Per-thread CPU comes from /proc/self/task (Linux); elsewhere those columns are
// left out.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseSweepSpec } from '@loopsweep/core';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';
import { createExecutor, parseDevices, runSweep } from '@loopsweep/runner';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '1,2' },
    runs: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '8' },
    limit: { type: 'string', default: '3000' },
    impls: { type: 'string', default: 'fast' },
    json: { type: 'string' },
    // internal: one run in this process, its result as JSON on stdout
    'one-run': { type: 'string' },
  },
});
const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const workerCounts = list(values.workers).map(Number);
const runs = Number(values.runs);
if (!workerCounts.every((n) => Number.isInteger(n) && n >= 1) || !(Number.isInteger(runs) && runs >= 1)) {
  console.error('bench:pool: --workers takes positive integers (e.g. 1,2,4) and --runs a positive integer');
  process.exit(2);
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const specFor = (impl) =>
  parseSweepSpec(`
name: pool-scaling
objective: rnn-text
dataset: { name: spamassassin, limit: ${values.limit}, max_len: 64, vocab: 3000 }
metric: { name: val_accuracy, goal: maximize }
budget: { max_epochs: ${values.epochs} }
sampler: { type: grid, seed: 1 }
parameters:
  cell: { values: [lstm, gru] }
  optimizer: { values: [adam, rmsprop] }
  clip: { values: [none, global_norm] }
  units: { value: 32 }
  embedding_dim: { value: 32 }
  rnn_impl: { value: ${impl} }
`);

const TASK_DIR = '/proc/self/task';
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on every Linux Node runs on

/** CPU milliseconds of each thread of this process by thread id, or undefined off Linux. */
function threadCpu() {
  if (!existsSync(TASK_DIR)) return undefined;
  const byThread = new Map();
  for (const tid of readdirSync(TASK_DIR)) {
    try {
      const stat = readFileSync(path.join(TASK_DIR, tid, 'stat'), 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread.set(tid, (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byThread;
}

/**
 * Splits the CPU the process spent during a run into the trial threads (the `workers` threads
 * that gained the most: nothing else in the process comes near a training thread), the main
 * thread, and the rest (V8's helper threads; libuv's pool is idle here).
 */
function cpuSplit(before, after, workers) {
  if (!before || !after) return undefined;
  const gained = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  const main = gained.find((t) => t.tid === String(process.pid))?.ms ?? 0;
  const others = gained.filter((t) => t.tid !== String(process.pid)).sort((a, b) => b.ms - a.ms);
  const trialThreads = others.slice(0, workers).map((t) => t.ms);
  const helpers = others.slice(workers).reduce((sum, t) => sum + t.ms, 0);
  return { trialThreads, main, helpers };
}

async function oneRun(spec, workers) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-pool-'));
  const file = path.join(dir, 'pool.db');
  const store = SqliteTrialStore.open(file);
  const cpuBefore = threadCpu();
  const executor = createExecutor(parseDevices(`wasm:${workers}`, workers));
  const started = performance.now();
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
  const seconds = (performance.now() - started) / 1000;
  // Before close: the trial threads' CPU is readable only while they exist.
  const cpu = cpuSplit(cpuBefore, threadCpu(), workers);
  await executor.close();
  store.close();
  const complete = outcome.trials.filter((t) => t.state === 'COMPLETE').length;
  const reader = SweepReader.open(file);
  let trainingSeconds = 0;
  for (const curve of reader.learningCurves('pool-scaling', 'epoch_seconds').values()) for (const [, value] of curve) trainingSeconds += value;
  let trialSeconds = 0;
  for (const trial of reader.trials('pool-scaling')) trialSeconds += ((trial.finishedAt ?? 0) - (trial.startedAt ?? 0)) / 1000;
  reader.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    workers,
    seconds,
    complete,
    trainingSeconds,
    fixedSeconds: trialSeconds - trainingSeconds,
    idleSlotSeconds: workers * seconds - trialSeconds,
    ...(cpu ? { trialThreadCpuSeconds: cpu.trialThreads.map((ms) => ms / 1000), helperCpuSeconds: cpu.helpers / 1000, mainCpuSeconds: cpu.main / 1000 } : {}),
  };
}

if (values['one-run'] !== undefined) {
  const [impl, workers] = values['one-run'].split(':');
  process.stdout.write(JSON.stringify(await oneRun(specFor(impl), Number(workers))));
  process.exit(0);
}

/** One run in a fresh Node process (see the header). */
function runInChild(impl, workers) {
  const args = [fileURLToPath(import.meta.url), '--one-run', `${impl}:${workers}`, '--epochs', values.epochs, '--limit', values.limit];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) {
    console.error(`bench:pool: the run with ${workers} thread(s) failed (exit ${child.status}):\n${child.stderr}`);
    process.exit(1);
  }
  return JSON.parse(child.stdout);
}

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const results = { when: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), loadBefore: os.loadavg(), impls: [] };
console.log(
  `loopsweep pool scaling: 8 rnn-text trials (grid), ${values.epochs} epochs, SpamAssassin limit ${values.limit}, ${os.availableParallelism()} cores; ${runs} run(s) per thread count, interleaved`,
);
for (const impl of list(values.impls)) {
  console.log(`\nrnn_impl ${impl} (load average ${load()})`);
  const byWorkers = new Map(workerCounts.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    for (const workers of workerCounts) {
      const r = runInChild(impl, workers);
      byWorkers.get(workers).push(r);
      const cpu = r.trialThreadCpuSeconds
        ? `; CPU s: trial threads ${r.trialThreadCpuSeconds.map(f1).join(' + ')}, V8 helpers ${f1(r.helperCpuSeconds)}, main ${f1(r.mainCpuSeconds)}`
        : '';
      console.log(
        `  run ${run + 1}, ${workers} thread${workers === 1 ? ' ' : 's'}: ${f1(r.seconds)} s wall (${r.complete} complete); Σ epochs ${f1(r.trainingSeconds)} s, Σ fixed ${f1(r.fixedSeconds)} s, idle slot ${f1(r.idleSlotSeconds)} s${cpu} (load ${load()})`,
      );
    }
  }
  const base = byWorkers.get(workerCounts[0]);
  const baseWall = median(base.map((r) => r.seconds));
  const baseTraining = median(base.map((r) => r.trainingSeconds));
  const summary = [];
  console.log(`  medians over ${runs} run(s):`);
  for (const workers of workerCounts) {
    const rs = byWorkers.get(workers);
    const wall = median(rs.map((r) => r.seconds));
    const row = {
      workers,
      wallSeconds: wall,
      speedup: baseWall / wall,
      trainingSlowdown: median(rs.map((r) => r.trainingSeconds)) / baseTraining,
      fixedSeconds: median(rs.map((r) => r.fixedSeconds)),
      idleSlotSeconds: median(rs.map((r) => r.idleSlotSeconds)),
      ...(rs[0].helperCpuSeconds !== undefined ? { helperCpuSeconds: median(rs.map((r) => r.helperCpuSeconds)) } : {}),
      runs: rs,
    };
    summary.push(row);
    console.log(
      `    ${workers} thread${workers === 1 ? ' ' : 's'}: ${f1(wall)} s, speedup ${f2(baseWall / wall)}× over ${workerCounts[0]}; epochs ${f2(row.trainingSlowdown)}× as long as with ${workerCounts[0]}, Σ fixed ${f1(row.fixedSeconds)} s, idle slot ${f1(row.idleSlotSeconds)} s${row.helperCpuSeconds !== undefined ? `, V8 helper CPU ${f1(row.helperCpuSeconds)} s` : ''}`,
    );
  }
  results.impls.push({ impl, summary });
}
results.loadAfter = os.loadavg();
console.log(`\nload average after: ${load()}`);
if (values.json) await writeFile(values.json, JSON.stringify(results, null, 2));
