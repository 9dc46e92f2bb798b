#!/usr/bin/env node
// Milliseconds per forward + backward pass of the recurrent WebAssembly SIMD kernel alone (the
// recurrence of one layer: no embedding, projection or optimizer), B = 32, H = 64, for each cell
// and sequence length; then what flushing subnormals buys at seq 200 on gradients that decay
// through time as a classifier's do (only the last step's output receives a gradient).
//
//   npm run bench:kernel -- [--cells lstm,gru,simple,loop] [--seqs 50,100,200] [--runs 15] [--json out.json]
//
// Figures are medians over `--runs` timed runs after 3 warm-up runs; flush on and off are timed
// alternately so that load from other processes falls on both alike. Copies between JavaScript
// and WebAssembly memory are included, as the layer pays them.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRandom, loadRnnKernel } from '@loopsweep/model';

const { values } = parseArgs({
  options: {
    cells: { type: 'string', default: 'lstm,gru,simple,loop' },
    seqs: { type: 'string', default: '50,100,200' },
    runs: { type: 'string', default: '15' },
    json: { type: 'string' },
  },
});
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const BATCH = 32;
const UNITS = 64;
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
  return { problem, arrays, dOutput, lastOnly };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeOnce(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const kernel = loadRnnKernel();
const cells = list(values.cells);
const seqs = list(values.seqs).map(Number);
const results = { when: new Date().toISOString(), cpu: os.cpus()[0]?.model, loadBefore: os.loadavg(), batch: BATCH, units: UNITS, runs, passes: [], flush: [] };

console.log(`recurrent kernel, B=${BATCH} H=${UNITS}, median of ${runs} runs; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('cell    T    forward ms  backward ms  fwd+bwd ms');
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
    const row = { cell, steps, forwardMs: median(fwd), backwardMs: median(bwd), totalMs: median(fwd.map((f, i) => f + bwd[i])) };
    results.passes.push(row);
    console.log(`${cell.padEnd(7)} ${String(steps).padStart(3)}  ${row.forwardMs.toFixed(2).padStart(10)}  ${row.backwardMs.toFixed(2).padStart(11)}  ${row.totalMs.toFixed(2).padStart(10)}`);
  }
}

const SUBNORMAL = 2 ** -126;
const flushSteps = Math.max(...seqs);
console.log(`\nsubnormal flushing, backward at T=${flushSteps}, gradient entering at the last step only`);
console.log('cell    flush on ms  flush off ms  off/on  subnormal share of dXProj without flushing');
for (const cell of cells) {
  const { problem, arrays, lastOnly } = problemFor(cell, flushSteps);
  const forward = kernel.forward(problem, arrays);
  const on = [];
  const off = [];
  for (let i = 0; i < 3; i++) kernel.backward(problem, arrays, forward, lastOnly, { flushSubnormals: i % 2 === 0 });
  for (let i = 0; i < runs; i++) {
    on.push(timeOnce(() => kernel.backward(problem, arrays, forward, lastOnly)));
    off.push(timeOnce(() => kernel.backward(problem, arrays, forward, lastOnly, { flushSubnormals: false })));
  }
  const unflushed = kernel.backward(problem, arrays, forward, lastOnly, { flushSubnormals: false }).xProj;
  const subnormal = unflushed.reduce((n, v) => n + (v !== 0 && Math.abs(v) < SUBNORMAL ? 1 : 0), 0) / unflushed.length;
  const row = { cell, steps: flushSteps, flushOnMs: median(on), flushOffMs: median(off), subnormalShare: subnormal };
  results.flush.push(row);
  console.log(`${cell.padEnd(7)} ${row.flushOnMs.toFixed(2).padStart(11)}  ${row.flushOffMs.toFixed(2).padStart(12)}  ${(row.flushOffMs / row.flushOnMs).toFixed(2).padStart(6)}  ${(subnormal * 100).toFixed(1)}%`);
}
results.loadAfter = os.loadavg();
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (values.json) await writeFile(values.json, JSON.stringify(results, null, 2));
