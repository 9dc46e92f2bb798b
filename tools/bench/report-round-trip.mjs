#!/usr/bin/env node
// What one report's round trip costs: the trial reports, the executor hands the report to the
// orchestrator's listener, the answer comes back, and only then does `await ctx.report` resolve.
// `noop` trials of many steps with no work per step (noop_sleep_ms 0), so the interval between two
// reports reaching the listener is the round trip plus an empty step. The listener answers at once:
// no SQLite, no pruner, only the transport. Three transports, one slot each:
//   threads    ThreadPoolExecutor (`wasm:1`): a MessagePort to a worker thread
//   processes  ProcessPoolExecutor (`process:wasm:1`): IPC to a child process
//   redis      QueueExecutor here, `sweep agent --devices wasm:1` in its own process, a local
//              redis-server between them (job progress one way, the agent's answer list back)
//
//   npm run bench:round-trip -- [--steps 200] [--trials 5]
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueueExecutor, REDIS_MISSING, createExecutor, findRedisServer, parseDevices, parseQueueTarget, startRedisServer } from '@loopsweep/runner';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '200' }, trials: { type: 'string', default: '5' } } });
const steps = Number(values.steps);
const trials = Number(values.trials);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/cli/dist/main.js');

let trialNumber = 0;
/** Runs one trial; resolves to the intervals (ms) between consecutive reports reaching the listener. */
async function intervals(executor, sweepKey) {
  trialNumber += 1;
  const task = {
    sweepName: 'round-trip',
    sweepKey,
    trialNumber,
    attempt: 1,
    params: { noop_steps: steps, noop_sleep_ms: 0 },
    objective: 'noop',
    seed: 1,
    maxEpochs: steps,
  };
  const at = [];
  const outcome = await executor.start(task, () => {
    at.push(performance.now());
    return 'continue';
  }).done;
  if (outcome.status !== 'complete' || at.length !== steps) throw new Error(`trial ${trialNumber}: ${JSON.stringify(outcome)} after ${at.length} reports`);
  return at.slice(1).map((t, i) => t - at[i]);
}

/** Mean and median ms per report over `trials` trials, after one trial of warm-up. */
async function measure(executor, sweepKey) {
  await intervals(executor, sweepKey);
  const all = [];
  for (let t = 0; t < trials; t++) all.push(...(await intervals(executor, sweepKey)));
  all.sort((a, b) => a - b);
  return { mean: all.reduce((s, x) => s + x, 0) / all.length, median: all[Math.floor(all.length / 2)], p99: all[Math.floor(all.length * 0.99)] };
}

function startAgentProcess(url) {
  const child = spawn(process.execPath, [cli, 'agent', '--queue', url, '--name', 'bench-rt', '--devices', 'wasm:1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (out.includes('agent bench-rt:')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`agent exited (${code}): ${out}`)));
  });
}

const rows = [];
for (const [label, devices] of [
  ['threads (wasm:1)', 'wasm:1'],
  ['processes (process:wasm:1)', 'process:wasm:1'],
]) {
  const executor = createExecutor(parseDevices(devices, 1));
  try {
    rows.push([label, await measure(executor, `rt-${devices}`)]);
  } finally {
    await executor.close();
  }
}
if (findRedisServer()) {
  const redis = await startRedisServer();
  let agent;
  let queue;
  try {
    agent = await startAgentProcess(redis.url);
    queue = await QueueExecutor.open({ target: parseQueueTarget(redis.url) });
    rows.push(['redis (agent process, local redis-server)', await measure(queue, `rt-redis-${process.pid}`)]);
  } finally {
    await queue?.close();
    if (agent) {
      agent.kill('SIGINT');
      await new Promise((resolve) => agent.once('exit', resolve));
    }
    await redis.stop();
  }
} else console.log(`redis skipped: ${REDIS_MISSING}`);

console.log(
  `loopsweep report round trip — noop trials of ${steps} steps (noop_sleep_ms 0), ${trials} trials after 1 warm-up, one slot, listener answers at once; node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(2)}`,
);
console.log('  ms per report (interval between reports at the listener)      mean    median   p99');
for (const [label, r] of rows)
  console.log(`  ${label.padEnd(60)} ${r.mean.toFixed(3).padStart(7)} ${r.median.toFixed(3).padStart(8)} ${r.p99.toFixed(3).padStart(7)}`);
