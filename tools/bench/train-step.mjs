#!/usr/bin/env node
// Milliseconds per training batch for each recurrent cell and sequence length, loopsweep's fast
// recurrent layers side by side with tfjs-layers' and (when python3-torch is installed) PyTorch's,
// through the same training loop a sweep uses (train(), Adam, no clipping):
// Embedding(5000, 64) → cell(64) → Dense(2), batch 32 — the setup of issue 5's comparison table.
//
//   npm run bench:train -- [--backends wasm,cpu,webgpu] [--cells simple,lstm,gru,loop]
//                          [--seqs 50,100,200] [--impls fast,tfjs-layers,fast-ops] [--batches 5]
//                          [--cpu-batches 2] [--repeats 1] [--no-torch] [--json out.json]
//                          [--units 64[,128,256]] [--embedding 64]
//
// Share of peak (issue 19): first one core's sgemm rate is measured with the kernel's own GEMM
// (sgemm-peak.mjs, ~1 s; the best shape is "the peak"), then beside each ms figure stands the
// step's useful FLOPs ÷ its time, in GFLOP/s and as a share of that peak. Useful FLOPs are the
// matrix products of forward and backward (train-flops.mjs):
//   step = 3 × [2·T·B·E·G·H + 2·(T−1)·B·H·G·H (+ 2·T·B·H·H loop) + 2·B·H·2]
// (input projection, recurrence, the loop cell's second layer, dense head; backward = 2× forward).
// On wasm and cpu the rate is per CPU second of this process (as the peak is), and the share is
// printed; on other backends the rate is per wall second and no share is printed: a GPU's rate has
// nothing to do with one core's peak.
//
// Impls: `fast` (the default layer: WebAssembly kernel on wasm/cpu, tfjs ops elsewhere),
// `tfjs-layers` (tfjs-layers' own layers), `fast-ops` (the fast layer on its tfjs ops only),
// `fast-tfjs-projection` (the kernel recurrence, the input projection on tfjs's matMul).
// Each figure is the mean over `--batches` timed batches after one warm-up epoch of the same size;
// with `--repeats N` the smallest of N such means (on a shared machine, the least disturbed one).
// PyTorch runs tools/bench/torch/train_step.py with one thread and denormals flushed; LSTM at
// seq 200 is measured without flushing as well.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { buildClassifier, createRandom, initBackend, train } from '@loopsweep/model';
import { formatSgemmPeak, sgemmPeak } from './sgemm-peak.mjs';
import { trainingStepFlops } from './train-flops.mjs';

const { values } = parseArgs({
  options: {
    backends: { type: 'string', default: 'wasm,cpu,webgpu' },
    cells: { type: 'string', default: 'simple,lstm,gru,loop' },
    seqs: { type: 'string', default: '50,100,200' },
    impls: { type: 'string', default: 'fast,tfjs-layers' },
    batches: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '1' },
    'cpu-batches': { type: 'string', default: '2' },
    'no-torch': { type: 'boolean', default: false },
    units: { type: 'string', default: '64' },
    embedding: { type: 'string', default: '64' },
    json: { type: 'string' },
  },
});
const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const VOCAB = 5000;
const BATCH = 32;
const EMBEDDING = positiveInteger(values.embedding, '--embedding');
const UNITS = list(values.units).map((u) => positiveInteger(u, '--units'));

function positiveInteger(text, option) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`train-step: ${option} must be positive integers, got '${text}'`);
    process.exit(2);
  }
  return n;
}

function syntheticData(seqLen, batches) {
  const random = createRandom(seqLen);
  const split = (count) => ({
    x: Int32Array.from({ length: count * seqLen }, () => 2 + Math.floor(random() * (VOCAB - 2))),
    exampleShape: [seqLen],
    y: Int32Array.from({ length: count }, () => (random() < 0.5 ? 0 : 1)),
    count,
  });
  return { task: 'classification', classes: 2, train: split(batches * BATCH), validation: split(BATCH) };
}

/**
 * { wall, cpu } ms per training batch of the second epoch. `fast-ops` is the fast layer forced
 * onto its tfjs-ops recurrence (no WebAssembly kernel); `fast-tfjs-projection` keeps the kernel
 * recurrence but runs the input projection on tfjs's matMul (XNNPACK on wasm).
 *
 * CPU ms: this process's CPU time (process.cpuUsage, all its threads) between the two epochs' ends,
 * scaled by the epoch's share of that interval's wall time (the interval also holds a validation
 * pass); on a loaded machine it leaves out time spent waiting for a core.
 */
async function msPerBatch(cell, seqLen, batches, impl, units) {
  const rnnImplementation = impl === 'fast-ops' || impl === 'fast-tfjs-projection' ? 'fast' : impl;
  if (impl === 'fast-ops') process.env.LOOPSWEEP_RECURRENCE = 'ops';
  else delete process.env.LOOPSWEEP_RECURRENCE;
  if (impl === 'fast-tfjs-projection') process.env.LOOPSWEEP_PROJECTION = 'ops';
  else delete process.env.LOOPSWEEP_PROJECTION;
  const model = buildClassifier({
    input: { kind: 'tokens', vocabSize: VOCAB, maxLen: seqLen, embeddingDim: EMBEDDING },
    output: { kind: 'classification', classes: 2 },
    cell,
    units,
    rnnImplementation,
    seed: 1,
  });
  const ends = [];
  try {
    const onEpoch = () => void ends.push({ wall: performance.now(), cpu: process.cpuUsage() });
    const { history } = await train(
      model,
      syntheticData(seqLen, batches),
      {
        optimizer: { name: 'adam', lr: 1e-3 },
        schedule: { type: 'constant' },
        clip: { type: 'none' },
        batchSize: BATCH,
        epochs: 2,
        seed: 1,
      },
      { onEpoch },
    );
    const wall = (history[1].epoch_seconds * 1000) / batches;
    const [first, second] = ends;
    const cpuInterval = (second.cpu.user - first.cpu.user + second.cpu.system - first.cpu.system) / 1000;
    return { wall, cpu: (cpuInterval * (history[1].epoch_seconds * 1000)) / (second.wall - first.wall) / batches };
  } finally {
    model.dispose();
    delete process.env.LOOPSWEEP_RECURRENCE;
    delete process.env.LOOPSWEEP_PROJECTION;
  }
}

/** The python3 that imports torch (Debian's python3-torch lives under /usr/bin/python3), if any. */
function torchPython() {
  for (const python of ['python3', '/usr/bin/python3']) {
    // From the temp dir: in tools/bench, `import torch` would find our own torch/ folder instead.
    const probe = spawnSync(python, ['-c', 'import torch.nn'], { stdio: 'ignore', cwd: os.tmpdir() });
    if (probe.status === 0) return python;
  }
  return undefined;
}

const TORCH_PYTHON = values['no-torch'] ? undefined : torchPython();
const TORCH_SCRIPT = fileURLToPath(new URL('./torch/train_step.py', import.meta.url));

/** PyTorch's figures for one cell and length, run now so that they share this row's machine load. */
function torchRow(cell, seq, batches, repeats, units) {
  if (!TORCH_PYTHON || cell === 'loop') return [];
  const args = [TORCH_SCRIPT, '--cells', cell, '--seqs', String(seq), '--batches', String(batches), '--repeats', String(repeats)];
  args.push('--units', String(units), '--embedding', String(EMBEDDING));
  // One thread means the BLAS too: torch.set_num_threads does not reach OpenBLAS's own pool, which
  // otherwise spreads a product over every core.
  const oneThread = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const run = spawnSync(TORCH_PYTHON, args, { encoding: 'utf8', cwd: os.tmpdir(), env: oneThread });
  if (run.status !== 0) throw new Error(`PyTorch benchmark failed: ${(run.stderr || '').trim().split('\n').pop()}`);
  return run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** An impl's ms column: 13 wide as before, wider for a longer name. */
const implWidth = (impl) => Math.max(13, impl.length + 2);
const fmt = (v, digits = 1) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

const cells = list(values.cells);
const seqs = list(values.seqs).map(Number);
const impls = list(values.impls);
const results = [];
/** Backends whose training runs on this machine's CPU, where one core's sgemm peak is the yardstick. */
const CPU_BACKENDS = new Set(['wasm', 'cpu']);
console.log(
  `loopsweep train-step benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`Embedding(${VOCAB},${EMBEDDING}) → cell(${UNITS.join('|')}) → Dense(2), batch ${BATCH}, Adam; ms per training batch\n`);
const peak = sgemmPeak();
console.log(`${formatSgemmPeak(peak).join('\n')}\n`);
console.log(
  `Beside each ms: useful GFLOP/s (matrix products of forward and backward, train-flops.mjs) and % of the ${peak.peak.gflops.toFixed(1)} GFLOP/s peak (wasm, cpu)\n`,
);

if (values['no-torch']) console.log('PyTorch: skipped (--no-torch)\n');
else if (!TORCH_PYTHON) console.log('PyTorch: skipped — no python3 here imports torch (apt-get install python3-torch)\n');
else
  console.log(
    `PyTorch ${spawnSync(TORCH_PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', cwd: os.tmpdir() }).stdout.trim()}, 1 thread, denormals flushed (${TORCH_PYTHON}); run before each row's tfjs figures\n`,
  );
const torchRows = [];
const torchMs = (cell, seq, units = UNITS[0], flush = true) =>
  torchRows.find((r) => r.cell === cell && r.seq === seq && r.units === units && r.flush_denormal === flush)?.ms;
const showUnits = UNITS.length > 1;

for (const backend of list(values.backends)) {
  let info;
  try {
    info = await initBackend(backend);
  } catch (error) {
    console.log(`${backend}: skipped — ${error.message.split('\n')[0]}\n`);
    continue;
  }
  const batches = Number(backend === 'cpu' ? values['cpu-batches'] : values.batches);
  const onCpu = CPU_BACKENDS.has(backend);
  console.log(`${backend} — ${info.device} (${batches} timed batches per figure)`);
  const header = [
    'cell'.padEnd(8),
    'seq'.padStart(5),
    ...(showUnits ? ['units'.padStart(6)] : []),
    ...impls.map((i) => i.padStart(implWidth(i))),
    'torch'.padStart(9),
  ];
  if (impls.includes('fast')) header.push('fast/torch'.padStart(12));
  if (impls.includes('tfjs-layers')) header.push('tfjs/torch'.padStart(12));
  if (impls.includes('fast') && impls.includes('tfjs-layers')) header.push('tfjs/fast'.padStart(11));
  // On CPU backends the rate is per CPU second, as the peak is; elsewhere per wall second.
  const rateTitles = impls.map((i) => (onCpu ? `${i} CPU ms, GFLOP/s (% peak)` : `${i} GFLOP/s`));
  header.push(...rateTitles.map((title) => title.padStart(title.length + 3)));
  console.log(header.join(''));
  const ms = {};
  for (const cell of cells) {
    for (const seqLen of seqs) {
      for (const units of UNITS) {
        const row = [cell.padEnd(8), String(seqLen).padStart(5), ...(showUnits ? [String(units).padStart(6)] : [])];
        const flops = trainingStepFlops({ cell, seq: seqLen, batch: BATCH, embedding: EMBEDDING, units });
        if (backend === list(values.backends)[0]) {
          for (const r of torchRow(cell, seqLen, Number(values.batches), Number(values.repeats), units)) {
            torchRows.push({ ...r, units });
            results.push({
              backend: 'pytorch',
              impl: r.flush_denormal ? 'torch' : 'torch-no-flush',
              cell,
              seqLen,
              units,
              embedding: EMBEDDING,
              batch: BATCH,
              msPerBatch: r.ms,
              gflops: flops.step / r.ms / 1e6,
              load1: os.loadavg()[0],
            });
          }
        }
        const rates = [];
        for (const impl of impls) {
          let value = Infinity;
          let cpuMs = Infinity;
          for (let r = 0; r < Number(values.repeats); r++) {
            const measured = await msPerBatch(cell, seqLen, batches, impl, units);
            value = Math.min(value, measured.wall);
            cpuMs = Math.min(cpuMs, measured.cpu);
          }
          ms[`${impl}/${cell}/${seqLen}/${units}`] = value;
          const gflops = flops.step / (onCpu ? cpuMs : value) / 1e6;
          const peakShare = onCpu ? gflops / peak.peak.gflops : undefined;
          results.push({
            backend,
            device: info.device,
            impl,
            cell,
            seqLen,
            units,
            embedding: EMBEDDING,
            batch: BATCH,
            msPerBatch: value,
            cpuMsPerBatch: cpuMs,
            stepFlops: flops.step,
            gflops,
            ...(peakShare === undefined ? {} : { peakShare, sgemmPeakGflops: peak.peak.gflops }),
            load1: os.loadavg()[0],
          });
          row.push(fmt(value).padStart(implWidth(impl)));
          rates.push((onCpu ? `${fmt(cpuMs)}, ${fmt(gflops)} (${fmt(peakShare * 100, 0)}%)` : fmt(gflops)).padStart(rateTitles[rates.length].length + 3));
        }
        const key = (impl) => `${impl}/${cell}/${seqLen}/${units}`;
        const t = torchMs(cell, seqLen, units);
        row.push(fmt(t).padStart(9));
        if (impls.includes('fast')) row.push(`${fmt(ratio(ms[key('fast')], t), 2)}×`.padStart(12));
        if (impls.includes('tfjs-layers')) row.push(`${fmt(ratio(ms[key('tfjs-layers')], t), 2)}×`.padStart(12));
        if (impls.includes('fast') && impls.includes('tfjs-layers')) row.push(`${fmt(ratio(ms[key('tfjs-layers')], ms[key('fast')]), 2)}×`.padStart(11));
        console.log([...row, ...rates].join(''));
      }
    }
  }
  if (seqs.includes(100) && seqs.includes(200)) {
    const units = UNITS[0];
    const at = (impl, cell, seq) => ms[`${impl}/${cell}/${seq}/${units}`];
    console.log(
      `seq 200 / seq 100${showUnits ? ` (units ${units})` : ''}: ${cells
        .map(
          (cell) =>
            `${cell} ${[...impls.map((i) => `${i} ${fmt(ratio(at(i, cell, 200), at(i, cell, 100)), 2)}×`), `torch ${fmt(ratio(torchMs(cell, 200, units), torchMs(cell, 100, units)), 2)}×`].join(', ')}`,
        )
        .join('; ')}`,
    );
  }
  for (const row of torchRows.filter((r) => !r.flush_denormal)) {
    console.log(
      `PyTorch ${row.cell} seq ${row.seq}${showUnits ? ` units ${row.units}` : ''}: ${fmt(row.ms)} ms without flushing denormals, ${fmt(torchMs(row.cell, row.seq, row.units))} ms flushing`,
    );
  }
  console.log(
    `load after ${backend}: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
}
if (values.json) {
  await writeFile(
    values.json,
    JSON.stringify({ node: process.version, cpus: os.cpus().length, torchPython: TORCH_PYTHON ?? null, sgemm: peak, results }, null, 2),
  );
  console.log(`wrote ${values.json}`);
}
