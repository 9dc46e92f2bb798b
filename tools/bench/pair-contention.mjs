#!/usr/bin/env node
// How much slower one piece of work runs while a copy of it runs beside it: the per-thread cost
// that bounds pool scaling, measured apart from warm-up, orchestration and scheduling. For each
// workload it times one copy alone, two copies in two worker threads of one process, and two
// copies in two processes (so that what threads of one process share, V8's heap helpers, malloc,
// the process's memory map, can be told from what the cores share). Every copy is warmed up first
// and all copies start together.
//
//   npm run bench:pair -- [--lens 16,64,256] [--repeats 3]
//
// Workloads: `train` is an rnn-text trial's training epochs (GRU 32, embedding 32, Adam, the pool
// benchmark's 3,000 emails at each max_len in --lens; train_seconds of 4 epochs after a 2-epoch
// warm-up trial); `kernel` is the recurrent kernel's forward + backward alone (LSTM, B 32, H 64,
// T 100); `sgemm` is the kernel's GEMM on the input projection's shape (2048×33·33×128).
// Figures are medians over --repeats; the ratio is paired ÷ alone (1.00 = no contention).
//
// Where `taskset` is at hand (Linux), one copy is also timed alone in a process pinned to one core,
// so that its V8 helper threads (optimizing compiler, GC) share that core as they must when every
// core runs a copy: when "alone, 1 core" is as slow as the pairs, what a copy loses beside another
// is the idle core its helpers had, not anything the cores share.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';

const SELF = fileURLToPath(import.meta.url);

/** One copy's work: resolves to milliseconds of the timed part. `ready` is awaited between warm-up and timing. */
async function work(spec, ready) {
  const model = await import('@loopsweep/model');
  if (spec.kind === 'train') {
    const params = { cell: 'gru', optimizer: 'adam', clip: 'none', units: 32, embedding_dim: 32, rnn_impl: 'fast' };
    const ctx = (epochs) => ({
      dataset: { name: 'spamassassin', limit: 3000, max_len: spec.len, vocab: 3000 },
      seed: 1,
      maxEpochs: epochs,
      report: async () => {},
      device: 'wasm',
      checkpointing: false,
    });
    await model.rnnTextObjective(params, ctx(2));
    await ready();
    const result = await model.rnnTextObjective(params, ctx(4));
    return result.train_seconds * 1000;
  }
  const kernel = model.loadRnnKernel();
  const random = model.createRandom(1);
  const fill = (n, scale) => Float32Array.from({ length: n }, () => (random() - 0.5) * scale);
  let once;
  if (spec.kind === 'kernel') {
    const [B, H, T] = [32, 64, 100];
    const problem = { cell: 'lstm', activation: 'tanh', steps: T, batch: B, units: H };
    const arrays = { xProj: fill(T * B * 4 * H, 2), recurrentKernel: fill(H * 4 * H, 0.2) };
    const dOutput = fill(T * B * H, 1);
    once = () => kernel.backward(problem, arrays, kernel.forward(problem, arrays), dOutput);
  } else {
    const placed = kernel.placeSgemm({ m: 2048, k: 33, n: 128 });
    placed.a.set(fill(placed.a.length, 1));
    placed.b.set(fill(placed.b.length, 1));
    once = placed.run;
  }
  for (let i = 0; i < 20; i++) once();
  await ready();
  const runs = spec.kind === 'kernel' ? 60 : 1500;
  const started = performance.now();
  for (let i = 0; i < runs; i++) once();
  return performance.now() - started;
}

if (!isMainThread) {
  // A copy in a worker thread: warms up, says so, waits for the go, reports its time.
  const ms = await work(workerData, () => {
    parentPort.postMessage('ready');
    return new Promise((resolve) => parentPort.once('message', resolve));
  });
  parentPort.postMessage({ ms });
} else if (process.argv[2] === '--copy') {
  // A copy in a process of its own: the same over stdin/stdout.
  const spec = JSON.parse(process.argv[3]);
  const ms = await work(spec, () => {
    process.stdout.write('ready\n');
    return new Promise((resolve) => process.stdin.once('data', resolve));
  });
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
  process.exit(0);
} else {
  const { values } = parseArgs({ options: { lens: { type: 'string', default: '16,64,256' }, repeats: { type: 'string', default: '3' } } });
  const repeats = Number(values.repeats);
  const lens = values.lens.split(',').map(Number);

  /** One copy in a worker thread or a process: `ready` resolves to its release, `done` to its ms. */
  function startCopy(spec, mode) {
    let release;
    const ready = new Promise((resolve) => (release = resolve));
    if (mode === 'threads') {
      const worker = new Worker(SELF, { workerData: spec });
      const done = new Promise((resolve, reject) => {
        worker.on('message', (m) => {
          if (m === 'ready') return release(() => worker.postMessage('go'));
          resolve(m.ms);
          void worker.terminate();
        });
        worker.on('error', reject);
      });
      return { ready, done };
    }
    const command = [process.execPath, SELF, '--copy', JSON.stringify(spec)];
    if (mode === 'pinned') command.unshift('taskset', '-c', '0');
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    let text = '';
    const done = new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        text += chunk;
        const lines = text.split('\n');
        if (lines.includes('ready')) release(() => child.stdin.write('go\n'));
        const result = lines.find((l) => l.startsWith('{'));
        if (result) resolve(JSON.parse(result).ms);
      });
      child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`a copy exited with ${code}`))));
    });
    return { ready, done };
  }

  /** Starts `n` copies, releases them together once all are warm, resolves to their ms. */
  async function copies(spec, n, mode) {
    const started = Array.from({ length: n }, () => startCopy(spec, mode));
    const releases = await Promise.all(started.map((c) => c.ready));
    releases.forEach((go) => go());
    return Promise.all(started.map((c) => c.done));
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  const specs = [
    ...lens.map((len) => ({ kind: 'train', len, label: `train, max_len ${len}` })),
    { kind: 'kernel', label: 'kernel fwd+bwd' },
    { kind: 'sgemm', label: 'sgemm 2048×33·33×128' },
  ];
  console.log(
    `pair contention: median of ${repeats}, ms of the timed part; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (!canPin) console.log('(taskset not found: no "alone, 1 core" column)');
  const cell = (ms, alone) => `${ms.toFixed(0).padStart(6)} (${(ms / alone).toFixed(2)})`;
  console.log(`workload                 alone    ${canPin ? 'alone, 1 core   ' : ''}2 threads        2 processes`);
  for (const spec of specs) {
    const alone = [];
    const pinned = [];
    const threads = [];
    const processes = [];
    for (let r = 0; r < repeats; r++) {
      alone.push((await copies(spec, 1, 'threads'))[0]);
      if (canPin) pinned.push((await copies(spec, 1, 'pinned'))[0]);
      threads.push(...(await copies(spec, 2, 'threads')));
      processes.push(...(await copies(spec, 2, 'processes')));
    }
    const a = median(alone);
    const columns = [...(canPin ? [median(pinned)] : []), median(threads), median(processes)].map((ms) => cell(ms, a));
    console.log(`${spec.label.padEnd(24)} ${a.toFixed(0).padStart(6)}   ${columns.join('    ')}`);
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
