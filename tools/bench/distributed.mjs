#!/usr/bin/env node
// Distributed overhead: the same `noop` trials (one report each) run locally on N worker threads,
// then through a real redis-server (BullMQ) to `sweep agent` processes (2 by default) sharing the
// N slots, with the coordinator in this process and SQLite on disk. Rounds alternate the two, so
// that both see the same load on a shared machine. Per trial it prints wall time (what a user
// waits) and CPU time summed over every process involved (coordinator, agents, redis-server),
// which other processes on the machine disturb far less.
//
//   npm run bench:distributed -- [--trials 1000] [--slots 4] [--agents 2] [--rounds 3]
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noopOverheadSpec } from './noop-spec.mjs';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';
import { QueueExecutor, REDIS_MISSING, createExecutor, findRedisServer, parseDevices, parseQueueTarget, runSweep, startRedisServer } from '@loopsweep/runner';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '1000' },
    slots: { type: 'string', default: '4' },
    agents: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
  },
});
const trials = Number(values.trials);
const slots = Number(values.slots);
const agentCount = Number(values.agents);
const rounds = Number(values.rounds);
if (!findRedisServer()) {
  console.log(`distributed benchmark skipped: ${REDIS_MISSING}`);
  process.exit(0);
}
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/cli/dist/main.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-bench-dist-'));
const TICKS_PER_SECOND = 100; // Linux USER_HZ

const spec = (name) => noopOverheadSpec(name, trials);

/** CPU milliseconds a process (all its threads) has used so far. */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}
const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Runs the sweep on `executor` into its own database: wall and CPU ms per trial, and the CPU of
 * each named process (`others`: name → pid).
 */
async function measure(name, executor, others = {}) {
  const dbPath = path.join(dir, `${name}.db`);
  const store = SqliteTrialStore.open(dbPath);
  const cpuNow = () => ({ coordinator: ownCpuMs(), ...Object.fromEntries(Object.entries(others).map(([who, pid]) => [who, cpuMsOf(pid)])) });
  const before = cpuNow();
  const started = performance.now();
  await runSweep({ store, executor, start: { kind: 'new', spec: spec(name), specDir: process.cwd() } });
  const wallMs = performance.now() - started;
  const after = cpuNow();
  const parts = Object.fromEntries(Object.keys(after).map((who) => [who, (after[who] - before[who]) / trials]));
  const cpuMs = Object.values(parts).reduce((sum, ms) => sum + ms, 0) * trials;
  store.close();
  const reader = SweepReader.open(dbPath);
  const complete = reader.trials(name, { states: ['COMPLETE'] }).length;
  reader.close();
  if (complete !== trials) throw new Error(`${name}: ${complete} of ${trials} trials complete`);
  return { wall: wallMs / trials, cpu: cpuMs / trials, parts };
}

function startAgent(url, name, threads) {
  const child = spawn(process.execPath, [cli, 'agent', '--queue', url, '--name', name, '--devices', `wasm:${threads}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (out.includes(`agent ${name}:`)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`agent ${name} exited (${code}): ${out}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const redis = await startRedisServer();
const agents = [];
try {
  const perAgent = Math.max(1, Math.round(slots / agentCount));
  for (let i = 0; i < agentCount; i++) agents.push(await startAgent(redis.url, `bench-${i}`, perAgent));
  const local = createExecutor(parseDevices(`wasm:${slots}`, slots));
  const queue = await QueueExecutor.open({ target: parseQueueTarget(redis.url) });
  const results = { local: [], queue: [] };
  const loads = [];
  for (let round = 1; round <= rounds; round++) {
    // The idle agents and redis-server cost a little CPU during the local run too; it is counted only for the queue.
    results.local.push(await measure(`local-${round}`, local));
    results.queue.push(
      await measure(`queue-${round}`, queue, { 'redis-server': redis.pid, ...Object.fromEntries(agents.map((a, i) => [`agent ${i}`, a.pid])) }),
    );
    loads.push(os.loadavg()[0]);
  }
  await local.close();
  await queue.close();

  const row = (label, runs) =>
    `  ${label.padEnd(52)} wall ${median(runs.map((r) => r.wall)).toFixed(3)} ms  (rounds: ${runs.map((r) => r.wall.toFixed(2)).join(', ')})   cpu ${median(runs.map((r) => r.cpu)).toFixed(3)} ms`;
  console.log(
    `loopsweep distributed benchmark — ${trials} noop trials (1 report each) per run, ${rounds} rounds, SQLite on disk, node ${process.version}, ${os.availableParallelism()} cores`,
  );
  console.log(`  load average (1 min) after each round: ${loads.map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`  per trial, median of the rounds:`);
  console.log(row(`local, ${slots} worker threads`, results.local));
  console.log(row(`through redis-server, ${agentCount} agents × ${perAgent} threads`, results.queue));
  const wallAdded = median(results.queue.map((r) => r.wall)) - median(results.local.map((r) => r.wall));
  const cpuAdded = median(results.queue.map((r) => r.cpu)) - median(results.local.map((r) => r.cpu));
  const parts = Object.keys(results.queue[0].parts).map((who) => `${who} ${median(results.queue.map((r) => r.parts[who])).toFixed(3)}`);
  console.log(`  cpu per trial through the queue, by process: ${parts.join(', ')} ms`);
  console.log(`  added by the queue: wall ${wallAdded.toFixed(3)} ms, cpu ${cpuAdded.toFixed(3)} ms per trial (target ≤ 2 ms)`);
} finally {
  for (const agent of agents) {
    agent.kill('SIGINT');
    await new Promise((resolve) => agent.once('exit', resolve));
  }
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
