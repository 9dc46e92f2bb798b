#!/usr/bin/env node
// Where one training step of bench:train's model goes, on `wasm`: each tfjs kernel's time under
// tf.profile, summed by kernel name and split into gradient computation (forward, loss, backward)
// and the optimizer's update; what no tfjs kernel accounts for is the recurrence kernel (it runs in
// its own WebAssembly module, outside tfjs's kernels) plus JavaScript plumbing.
//
//   node tools/bench/train-profile.mjs [--cell lstm] [--seq 100] [--units 64] [--embedding 64] [--steps 10]
//
// First the CPU ms (process.cpuUsage) of the gradient and optimizer phases without profiling, and
// the step's useful GFLOP/s with and without the optimizer (train-flops.mjs); then the split by
// kernel under tf.profile. Medians over --steps steps each, after 5 warm-up steps. Profiling adds
// time per kernel, so the profiled phases run slower; their split, not their total, is the point.
import { parseArgs } from 'node:util';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { buildClassifier, createOptimizer, createRandom, initBackend } from '@loopsweep/model';
import { trainingStepFlops } from './train-flops.mjs';

const { values } = parseArgs({
  options: {
    cell: { type: 'string', default: 'lstm' },
    seq: { type: 'string', default: '100' },
    units: { type: 'string', default: '64' },
    embedding: { type: 'string', default: '64' },
    steps: { type: 'string', default: '10' },
  },
});
const VOCAB = 5000;
const BATCH = 32;
const [cell, seq, units, embedding, steps] = [values.cell, Number(values.seq), Number(values.units), Number(values.embedding), Number(values.steps)];

await initBackend('wasm');
const model = buildClassifier({
  input: { kind: 'tokens', vocabSize: VOCAB, maxLen: seq, embeddingDim: embedding },
  output: { kind: 'classification', classes: 2 },
  cell,
  units,
  rnnImplementation: 'fast',
  seed: 1,
});
const variables = new Map(model.trainableWeights.map((w) => [w.read().name, w.read()]));
const optimizer = createOptimizer({ name: 'adam', lr: 1e-3 });
const random = createRandom(seq);
const x = tf.tensor2d(
  Int32Array.from({ length: BATCH * seq }, () => 2 + Math.floor(random() * (VOCAB - 2))),
  [BATCH, seq],
  'int32',
);
const y = tf.tensor1d(
  Int32Array.from({ length: BATCH }, () => (random() < 0.5 ? 0 : 1)),
  'int32',
);

function gradients() {
  return tf.tidy(() =>
    tf.variableGrads(() => {
      const logits = model.apply(x, { training: true });
      return tf.mean(tf.neg(tf.sum(tf.mul(tf.oneHot(y, 2), tf.logSoftmax(logits)), -1)));
    }, [...variables.values()]),
  );
}

/** One step: { wall, cpu } ms of each phase, and each phase's kernels. */
async function profiledStep(profiling = true) {
  const phase = async (fn) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let result;
    const run = () => {
      result = fn();
      return result?.grads ? Object.values(result.grads) : [];
    };
    const info = profiling ? await tf.profile(run) : (run(), { kernels: [] });
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000, kernels: info.kernels, result };
  };
  const grads = await phase(gradients);
  const update = await phase(() => optimizer.applyGradients(grads.result.grads, variables));
  tf.dispose([grads.result.value, ...Object.values(grads.result.grads)]);
  return { grads, update };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (let i = 0; i < 5; i++) await profiledStep(i % 2 === 0);
// Unprofiled steps (the phases' own times, without tf.profile's bookkeeping) alternate with
// profiled ones, so that load from other processes falls on both alike.
const plain = [];
const runs = [];
for (let i = 0; i < steps; i++) {
  plain.push(await profiledStep(false));
  runs.push(await profiledStep());
}

/** Median ms per kernel name over the runs, largest first. */
function byKernel(phaseName) {
  const totals = new Map();
  runs.forEach((run, i) => {
    for (const k of run[phaseName].kernels) {
      const row = totals.get(k.name) ?? { ms: Array(runs.length).fill(0), calls: 0 };
      row.ms[i] += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      row.calls += 1 / runs.length;
      totals.set(k.name, row);
    }
  });
  return [...totals].map(([name, r]) => ({ name, ms: median(r.ms), calls: r.calls })).sort((a, b) => b.ms - a.ms);
}

const flops = trainingStepFlops({ cell, seq, batch: BATCH, embedding, units });
console.log(
  `train-profile: ${cell} seq ${seq} units ${units} embedding ${embedding}, batch ${BATCH}, wasm; median of ${steps} steps; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
{
  const cpu = (phaseName) => median(plain.map((r) => r[phaseName].cpu));
  const gflops = (ms) => (flops.step / ms / 1e6).toFixed(1);
  console.log(
    `\nunprofiled, CPU ms: gradients ${cpu('grads').toFixed(2)} (${gflops(cpu('grads'))} GFLOP/s), optimizer ${cpu('update').toFixed(2)}; whole step ${(cpu('grads') + cpu('update')).toFixed(2)} (${gflops(cpu('grads') + cpu('update'))} GFLOP/s)`,
  );
}
console.log('\nprofiled (tf.profile adds time per kernel; the split is the point):');
for (const phaseName of ['grads', 'update']) {
  const wall = median(runs.map((r) => r[phaseName].wall));
  const cpu = median(runs.map((r) => r[phaseName].cpu));
  const kernels = byKernel(phaseName);
  const inKernels = kernels.reduce((a, k) => a + k.ms, 0);
  console.log(
    `\n${phaseName === 'grads' ? 'forward + loss + backward (tf.variableGrads)' : 'optimizer update (Adam)'}: ${wall.toFixed(2)} ms wall, ${cpu.toFixed(2)} ms CPU`,
  );
  console.log(`  tfjs kernels ${inKernels.toFixed(2)} ms; outside them (recurrence kernel, JS) ${(wall - inKernels).toFixed(2)} ms`);
  for (const k of kernels.filter((k) => k.ms >= 0.02))
    console.log(`  ${k.name.padEnd(24)} ${k.ms.toFixed(2).padStart(7)} ms  ${k.calls.toFixed(0).padStart(4)} calls`);
}
console.log(
  `\nuseful FLOPs per step ${(flops.step / 1e6).toFixed(1)} M: ${Object.entries(flops.parts)
    .map(([k, v]) => `${k} ${((3 * v) / 1e6).toFixed(1)} M`)
    .join(', ')}`,
);
model.dispose();
