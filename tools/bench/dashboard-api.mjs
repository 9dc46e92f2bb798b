#!/usr/bin/env node
// Dashboard API latency at scale: a database of 10,000 trials × 50 epochs of metrics (4 metrics
// per epoch: 2,000,000 metric rows), written once through the real writer in batches and reused
// from a cache path, then the built `sweep dashboard` in a child process, and ≥ 200 sequential
// requests per route from this process (end to end over HTTP: the whole body is read).
// Target (issue 6): p95 < 50 ms for the trials list and the sweep summary.
//
//   npm run bench:dashboard -- [--trials 10000] [--epochs 50] [--requests 200] [--db <cache path>] [--rebuild]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, parseSweepSpec, sweepSpecDocument } from '@loopsweep/core';
import { SCHEMA_VERSION, SqliteTrialStore, SweepReader } from '@loopsweep/store';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '10000' },
    epochs: { type: 'string', default: '50' },
    requests: { type: 'string', default: '200' },
    db: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
const epochs = Number(values.epochs);
const requests = Number(values.requests);
const dbPath = values.db ?? path.join(os.tmpdir(), 'loopsweep-bench', `dashboard-${trials}x${epochs}-schema${SCHEMA_VERSION}.db`);
const SWEEP = 'dashboard-bench';
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/cli/dist/main.js');

const spec = parseSweepSpec(`
name: ${SWEEP}
objective: noop
metric: { name: val_accuracy, goal: maximize }
budget: { trials: ${trials}, parallel: 2, max_epochs: ${epochs} }
sampler: { type: random, seed: 1 }
pruner: { type: asha, min_epochs: 1, reduction_factor: 3 }
parameters:
  cell:      { values: [simple, lstm, gru, loop] }
  optimizer: { values: [sgd, momentum, adam, rmsprop, adagrad] }
  lr:        { log_uniform: [1.0e-4, 1.0e-1] }
  momentum:  { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  clip:      { values: [none, value, global_norm] }
  schedule:  { values: [constant, step, cosine, warmup_cosine] }
  units:     { int_log_uniform: [16, 256] }
  dropout:   { uniform: [0.0, 0.5] }
`);

/** The cached database holds the whole sweep: every trial, every epoch. */
function cacheIsComplete() {
  if (!existsSync(dbPath)) return false;
  try {
    const reader = SweepReader.open(dbPath);
    try {
      const summary = reader.summary(SWEEP);
      const last = reader.trials(SWEEP, { sort: 'number', order: 'desc', limit: 1 })[0];
      return summary?.total === trials && last?.lastStep === epochs;
    } finally {
      reader.close();
    }
  } catch {
    return false;
  }
}

function buildDatabase() {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const started = performance.now();
  const store = SqliteTrialStore.open(dbPath);
  const sweep = store.createSweep({
    name: SWEEP,
    spec: sweepSpecDocument(spec),
    specHash: 'bench',
    metric: 'val_accuracy',
    direction: 'maximize',
    objective: 'noop',
    seed: 1,
  });
  const random = createRandom(7);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const BATCH = 50;
  for (let from = 0; from < trials; from += BATCH) {
    store.batch(() => {
      for (let number = from; number < Math.min(trials, from + BATCH); number++) {
        const optimizer = pick(['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad']);
        const params = {
          cell: pick(['simple', 'lstm', 'gru', 'loop']),
          optimizer,
          lr: 10 ** (-4 + 3 * random()),
          ...(optimizer === 'momentum' ? { momentum: 0.5 + 0.49 * random() } : {}),
          clip: pick(['none', 'value', 'global_norm']),
          schedule: pick(['constant', 'step', 'cosine', 'warmup_cosine']),
          units: Math.round(2 ** (4 + 4 * random())),
          dropout: 0.5 * random(),
        };
        const ceiling = 0.6 + (optimizer === 'adam' ? 0.3 : optimizer === 'rmsprop' ? 0.25 : 0.15) * random();
        store.createTrial(sweep.id, { number, state: 'QUEUED', params, intermediate: new Map(), attempt: 1 });
        store.updateTrial(sweep.id, number, { state: 'RUNNING', owner: 'bench' });
        const rows = Array.from({ length: epochs }, (_, index) => {
          const progress = 1 - Math.exp(-(index + 1) / 8);
          const valAccuracy = 0.5 + (ceiling - 0.5) * progress + 0.01 * random();
          return {
            trialNumber: number,
            step: index + 1,
            metrics: { loss: 1 - progress * 0.9, val_loss: 1.05 - progress * 0.85, accuracy: valAccuracy + 0.02, val_accuracy: valAccuracy },
          };
        });
        store.appendMetrics(sweep.id, rows);
        const roll = random();
        const value = rows.at(-1).metrics.val_accuracy;
        if (roll < 0.05) store.updateTrial(sweep.id, number, { state: 'FAILED', failureReason: 'diverged: loss is NaN at epoch 3, step 40' });
        else if (roll < 0.2) store.updateTrial(sweep.id, number, { state: 'PRUNED', value });
        else store.updateTrial(sweep.id, number, { state: 'COMPLETE', value });
        store.appendEvent(sweep.id, number, 'trial_completed', `trial ${number} finished`);
      }
    });
  }
  store.setSweepStatus(sweep.id, 'finished');
  store.close();
  return performance.now() - started;
}

/** Starts the built `sweep dashboard` on a free port; resolves with its origin and a stop function. */
async function startDashboard(db = dbPath) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [MAIN, 'dashboard', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  for (let waited = 0; !/at (http:\/\/\S+)/.test(stdout); waited += 25) {
    if (child.exitCode !== null || waited > 30_000) throw new Error(`sweep dashboard did not start:\n${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const origin = new URL(/at (http:\/\/\S+)/.exec(stdout)[1]).origin;
  return { origin, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGINT'))) };
}

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/**
 * `count` requests, one at a time; `pathFor(i)` may vary the query (to defeat the cache on
 * purpose); `gapMs` waits before each request (longer than the writer's commit interval, so each
 * request finds a new commit).
 */
async function measure(origin, label, pathFor, count = requests, gapMs = 0) {
  const first = await timed(`${origin}${pathFor(-1)}`);
  for (let i = 0; i < 5; i++) await timed(`${origin}${pathFor(-2 - i)}`);
  const times = [];
  for (let i = 0; i < count; i++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    times.push((await timed(`${origin}${pathFor(i)}`)).ms);
  }
  times.sort((a, b) => a - b);
  const row = { label, first: first.ms, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1), kb: first.bytes / 1024, n: count };
  console.log(
    `  ${label.padEnd(52)} first ${row.first.toFixed(1).padStart(7)}  p50 ${row.p50.toFixed(1).padStart(6)}  p95 ${row.p95.toFixed(1).padStart(6)}  max ${row.max.toFixed(1).padStart(7)} ms  ${row.kb.toFixed(0).padStart(6)} KiB  n=${count}`,
  );
  return row;
}

let buildMs;
if (values.rebuild || !cacheIsComplete()) {
  console.log(`building ${dbPath} (${trials} trials × ${epochs} epochs × 4 metrics)…`);
  buildMs = buildDatabase();
}
const { origin, stop } = await startDashboard();
const fixed = (path) => () => path;
console.log(
  `loopsweep dashboard API benchmark — ${trials} trials × ${epochs} epochs × 4 metrics (${trials * epochs * 4} metric rows), ${buildMs === undefined ? 'cached database' : `database built in ${(buildMs / 1000).toFixed(1)} s`} at ${dbPath}`,
);
console.log(
  `  node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; sequential requests over HTTP from another process`,
);
const base = `/api/sweeps/${SWEEP}`;
const rows = [];
try {
  rows.push(await measure(origin, 'trials list, all 10k (in memory)', fixed(`${base}/trials`)));
  // A distinct limit each time: the SQL path (read + serialize all 10k) with every cache defeated.
  rows.push(await measure(origin, 'trials list, all 10k, through SQL, uncached', (i) => `${base}/trials?limit=${1_000_000 + i + 10}`, 50));
  rows.push(
    await measure(
      origin,
      'trials filtered+sorted, page of 100, uncached',
      (i) => `${base}/trials?state=COMPLETE&param.optimizer=adam&sort=value&order=desc&limit=100&offset=${i + 10}`,
    ),
  );
  rows.push(await measure(origin, 'sweep summary (GET /api/sweeps/:name)', fixed(base)));
  rows.push(await measure(origin, 'sweeps list (GET /api/sweeps)', fixed('/api/sweeps')));
  rows.push(await measure(origin, 'compare by optimizer ("first" = computed; then cached)', fixed(`${base}/compare?by=optimizer`)));
  rows.push(
    await measure(
      origin,
      'curves of 10 trials, uncached',
      (i) => `${base}/curves?trials=${Array.from({ length: 10 }, (_, k) => (Math.abs(i) * 37 + k * 997) % trials).join(',')}`,
    ),
  );
  rows.push(await measure(origin, 'curves, every trial (capped at 500)', fixed(`${base}/curves`)));
  rows.push(await measure(origin, 'importance (PED-ANOVA) ("first" = computed)', fixed(`${base}/importance`)));
} finally {
  await stop();
}

// While a sweep writes: the same requests against a copy of the database that another process
// (the real writer) keeps writing as a busy sweep would — 8 trials running at once, each
// reporting an epoch of 4 metrics every 800 ms (a commit every 100 ms), a trial finishing after
// 50 epochs and a new one starting — so nearly every request finds a new commit.
const livePath = path.join(path.dirname(dbPath), 'dashboard-live-copy.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(livePath + suffix, { force: true });
copyFileSync(dbPath, livePath);
const writerCode = `
import { SqliteTrialStore } from '@loopsweep/store';
const store = SqliteTrialStore.open(process.argv[1]);
const id = store.getSweep('${SWEEP}').id;
const params = { cell: 'lstm', optimizer: 'adam', lr: 0.001, clip: 'none', schedule: 'cosine', units: 64, dropout: 0.1 };
let next = ${trials};
let finished = 0;
const running = [];
const start = () => {
  const number = next++;
  store.createTrial(id, { number, state: 'QUEUED', params, intermediate: new Map(), attempt: 1 });
  store.updateTrial(id, number, { state: 'RUNNING', owner: 'live-writer' });
  running.push({ number, epoch: 0 });
};
store.batch(() => { for (let i = 0; i < 8; i++) start(); });
let turn = 0;
const timer = setInterval(() => {
  store.batch(() => {
    // One of the 8 trials reports each turn: each reports every 8 turns.
    const trial = running[turn++ % running.length];
    trial.epoch += 1;
    store.appendMetrics(id, [{ trialNumber: trial.number, step: trial.epoch, metrics: { loss: 0.5, val_loss: 0.5, accuracy: 0.8, val_accuracy: 0.8 } }]);
    if (trial.epoch === ${epochs}) {
      store.updateTrial(id, trial.number, { state: 'COMPLETE', value: 0.8 });
      finished += 1;
      running.splice(running.indexOf(trial), 1);
      start();
    }
  });
}, 100);
process.on('SIGTERM', () => { clearInterval(timer); store.close(); process.stdout.write(turn + ' commits'); process.exit(0); });
`;
const writer = spawn(process.execPath, ['--input-type=module', '-e', writerCode, livePath], {
  cwd: path.dirname(fileURLToPath(import.meta.url)),
  stdio: ['ignore', 'pipe', 'inherit'],
});
let written = '';
writer.stdout.setEncoding('utf8').on('data', (chunk) => (written += chunk));
const live = await startDashboard(livePath);
console.log(
  `while another process writes the same sweep (8 running trials, a commit every 100 ms) — load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}:`,
);
const liveRows = [];
try {
  // 120 ms between requests, the writer committing every 100 ms: every request finds a new commit.
  const gap = 120;
  liveRows.push(await measure(live.origin, 'trials list, all (caught up after each commit)', fixed(`${base}/trials`), requests, gap));
  liveRows.push(await measure(live.origin, 'sweep summary (recomputed after each commit)', fixed(base), requests, gap));
  liveRows.push(
    await measure(
      live.origin,
      'trials filtered+sorted, page of 100 (SQL)',
      fixed(`${base}/trials?state=COMPLETE&param.optimizer=adam&sort=value&order=desc&limit=100`),
      requests,
      gap,
    ),
  );
  liveRows.push(await measure(live.origin, 'sweeps list (GET /api/sweeps)', fixed('/api/sweeps'), requests, gap));
  liveRows.push(await measure(live.origin, 'importance (PED-ANOVA), recomputed', fixed(`${base}/importance`), 50, gap));
  liveRows.push(await measure(live.origin, 'compare by optimizer, recomputed (reads every curve)', fixed(`${base}/compare?by=optimizer`), 10, gap));
} finally {
  await live.stop();
  await new Promise((resolve) => (writer.once('exit', resolve), writer.kill('SIGTERM')));
  for (const suffix of ['', '-wal', '-shm']) rmSync(livePath + suffix, { force: true });
}
console.log(`  (the writer made ${written || '?'} meanwhile)`);

const verdict = (label, row) => `${label} p95 ${row.p95.toFixed(1)} ms: ${row.p95 < 50 ? 'met' : 'NOT met'}`;
console.log(
  `target p95 < 50 ms — ${verdict('trials list', rows[0])}; ${verdict('summary', rows[3])}; while writing: ${verdict('trials list', liveRows[0])}; ${verdict('summary', liveRows[1])}`,
);
