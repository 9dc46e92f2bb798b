#!/usr/bin/env node
// First one core's sgemm rate with the kernel's own GEMM over a few shapes, and its best, "the
// peak" (sgemm-peak.mjs, shared with bench:train). Then milliseconds per forward + backward pass of
// the recurrent WebAssembly SIMD kernel alone (the recurrence of one layer: no embedding,
// projection or optimizer), B = 32, H = 64 (or --units), for each cell and sequence length; then what flushing subnormals buys at seq 200, on gradients
// that decay through time as a classifier's do (only the last step's output receives a gradient)
// and on a worst case (every step's gradient just above the subnormal range).
//
//   npm run bench:kernel -- [--cells lstm,gru,simple,loop] [--seqs 50,100,200] [--units 64] [--runs 15]
//                           [--json out.json]
//
// Figures are medians over `--runs` timed runs after warm-up runs, as wall-clock ms and as this
// thread's CPU ms (process.cpuUsage: on a loaded machine it leaves out time spent waiting for a
// core, so it is the steadier figure). Flush on and off are timed alternately so that load from
// other processes falls on both alike. Copies between JavaScript and WebAssembly memory are
// included, as the layer pays them. Beside fwd+bwd: the recurrence's products (forward
// 2·(T−1)·B·H·G·H, plus 2·T·B·H·H for the loop cell's second layer; backward twice that) per CPU
// second, and that as a share of the peak.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRandom, loadRnnKernel } from '@loopsweep/model';
import { formatSgemmPeak, sgemmPeak } from './sgemm-peak.mjs';
import { trainingStepFlops } from './train-flops.mjs';

const { values } = parseArgs({
  options: {
    cells: { type: 'string', default: 'lstm,gru,simple,loop' },
    seqs: { type: 'string', default: '50,100,200' },
    units: { type: 'string', default: '64' },
    runs: { type: 'string', default: '15' },
    json: { type: 'string' },
  },
});
const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const BATCH = 32;
const UNITS = Number(values.units);
const GATES = { simple: 1, lstm: 4, gru: 3, loop: 1 };
const runs = Number(values.runs);

/** Inputs like a freshly initialised layer's: xProj ~ N(0, 1), U and W2 ~ N(0, 1/H). */
function problemFor(cell, steps) {
  const random = createRandom(steps * 31 + GATES[cell]);
  const gaussian = (n, scale) => Float32Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * scale);
  const G = GATES[cell];
  const problem = { cell, activation: 'tanh', steps, batch: BATCH, units: UNITS };
  const arrays = {
    xProj: gaussian(steps * BATCH * G * UNITS, 1),
    recurrentKernel: gaussian(UNITS * G * UNITS, 1 / Math.sqrt(UNITS)),
    ...(cell === 'loop' ? { kernel2: gaussian(UNITS * UNITS, 1 / Math.sqrt(UNITS)), bias2: gaussian(UNITS, 0.1) } : {}),
  };
  const dOutput = gaussian(steps * BATCH * UNITS, 1);
  // A classifier on the last output: the gradient enters at t = T only and decays going back.
  const lastOnly = new Float32Array(dOutput.length);
  lastOnly.set(dOutput.subarray((steps - 1) * BATCH * UNITS), (steps - 1) * BATCH * UNITS);
  // The worst case: a gradient at every step, all of it just above the subnormal range.
  const tiny = dOutput.map((v) => v * 1e-37);
  return { problem, arrays, dOutput, lastOnly, tiny };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** { wall, cpu } milliseconds of one call. */
function timeOnce(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Median wall and CPU ms of a list of timings. */
const medians = (times) => ({ wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) });
const both = ({ wall, cpu }, width) => `${wall.toFixed(2)} / ${cpu.toFixed(2)}`.padStart(width);

const kernel = loadRnnKernel();
const cells = list(values.cells);
const seqs = list(values.seqs).map(Number);
const results = { when: new Date().toISOString(), cpu: os.cpus()[0]?.model, loadBefore: os.loadavg(), batch: BATCH, units: UNITS, runs, passes: [], flush: [] };

console.log(
  `recurrent kernel, B=${BATCH} H=${UNITS}, median of ${runs} runs; load average before: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const peak = sgemmPeak({ kernel });
results.sgemm = peak;
console.log(`${formatSgemmPeak(peak).join('\n')}\n`);
console.log('cell    T    ms wall / CPU:  forward        backward        fwd+bwd   GFLOP/s (% peak)');
for (const cell of cells) {
  for (const steps of seqs) {
    const { problem, arrays, dOutput } = problemFor(cell, steps);
    let forward = kernel.forward(problem, arrays);
    for (let i = 0; i < 3; i++) kernel.backward(problem, arrays, kernel.forward(problem, arrays), dOutput);
    const fwd = [];
    const bwd = [];
    for (let i = 0; i < runs; i++) {
      fwd.push(timeOnce(() => (forward = kernel.forward(problem, arrays))));
      bwd.push(timeOnce(() => kernel.backward(problem, arrays, forward, dOutput)));
    }
    const total = fwd.map((f, i) => ({ wall: f.wall + bwd[i].wall, cpu: f.cpu + bwd[i].cpu }));
    const { parts } = trainingStepFlops({ cell, seq: steps, batch: BATCH, embedding: 1, units: UNITS });
    const flops = 3 * (parts.recurrence + parts.loopSecondLayer);
    const row = { cell, steps, forwardMs: medians(fwd), backwardMs: medians(bwd), totalMs: medians(total) };
    row.gflops = flops / row.totalMs.cpu / 1e6;
    row.peakShare = row.gflops / peak.peak.gflops;
    results.passes.push(row);
    console.log(
      `${cell.padEnd(7)} ${String(steps).padStart(3)}  ${' '.repeat(13)}${both(row.forwardMs, 15)} ${both(row.backwardMs, 15)} ${both(row.totalMs, 15)}   ${row.gflops.toFixed(1).padStart(5)} (${(row.peakShare * 100).toFixed(0)}%)`,
    );
  }
}

const SUBNORMAL = 2 ** -126; // smallest normal float32
const flushSteps = Math.max(...seqs);
const SCENARIOS = {
  lastOnly: 'gradient entering at the last step only (a classifier on the last output)',
  tiny: 'worst case: a gradient of about 1e-37 at every step',
};
for (const [scenario, title] of Object.entries(SCENARIOS)) {
  console.log(`\nsubnormal flushing, backward at T=${flushSteps}, ${title}`);
  console.log('cell    ms wall / CPU: flush on   flush off   off/on (CPU)  subnormal share of dXProj without flushing');
  for (const cell of cells) {
    const built = problemFor(cell, flushSteps);
    const { problem, arrays } = built;
    const dOut = built[scenario];
    const forward = kernel.forward(problem, arrays);
    const on = [];
    const off = [];
    for (let i = 0; i < 4; i++) kernel.backward(problem, arrays, forward, dOut, { flushSubnormals: i % 2 === 0 });
    for (let i = 0; i < runs; i++) {
      on.push(timeOnce(() => kernel.backward(problem, arrays, forward, dOut)));
      off.push(timeOnce(() => kernel.backward(problem, arrays, forward, dOut, { flushSubnormals: false })));
    }
    const unflushed = kernel.backward(problem, arrays, forward, dOut, { flushSubnormals: false }).xProj;
    const subnormal = unflushed.reduce((n, v) => n + (v !== 0 && Math.abs(v) < SUBNORMAL ? 1 : 0), 0) / unflushed.length;
    const row = { scenario, cell, steps: flushSteps, flushOnMs: medians(on), flushOffMs: medians(off), subnormalShare: subnormal };
    results.flush.push(row);
    console.log(
      `${cell.padEnd(7)} ${' '.repeat(13)}${both(row.flushOnMs, 15)} ${both(row.flushOffMs, 15)} ${(row.flushOffMs.cpu / row.flushOnMs.cpu).toFixed(2).padStart(8)}      ${(subnormal * 100).toFixed(1)}%`,
    );
  }
}
results.loadAfter = os.loadavg();
console.log(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (values.json) await writeFile(values.json, JSON.stringify(results, null, 2));
