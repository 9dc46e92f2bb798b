#!/usr/bin/env node
// Milliseconds per optimizer step alone (applyGradients on a model's variables), tfjs's op-by-op
// step against the fused one and the fused lazy one (only the embedding rows of the batch), on the
// model of train-step.mjs: Embedding(5000, 64) → cell(64) → Dense(2), batch 32, seq 100.
//
//   node tools/bench/optimizer-step.mjs [--backend wasm] [--cell simple] [--optimizer adam]
//                                       [--steps 50] [--rounds 5] [--train]
//
// One real gradient (from one random batch) is applied again and again. The three variants take
// turns, `--steps` steps each per round, for `--rounds` rounds; each figure is the median over
// rounds of CPU time per step (process.cpuUsage, user + system: less disturbed by other processes
// than wall time on a shared machine) and of wall time per step.
//
// --train also times whole training batches through train() (as train-step.mjs does, with 10
// batches of random tokens a epoch, 2 epochs) for the three variants, taking turns, `--rounds`
// each: the median of the second epoch's wall ms per batch, and of the CPU ms per batch of the
// whole call (both epochs and the validation passes, so the same overhead in every variant).
import { parseArgs } from 'node:util';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { buildClassifier, createOptimizer, createRandom, initBackend, train } from '@loopsweep/model';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    cell: { type: 'string', default: 'simple' },
    optimizer: { type: 'string', default: 'adam' },
    steps: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    train: { type: 'boolean', default: false },
  },
});
const VOCAB = 5000;
const BATCH = 32;
const SEQ = 100;
const steps = Number(values.steps);
const rounds = Number(values.rounds);

const info = await initBackend(values.backend);
const model = buildClassifier({
  input: { kind: 'tokens', vocabSize: VOCAB, maxLen: SEQ, embeddingDim: 64 },
  output: { kind: 'classification', classes: 2 },
  cell: values.cell,
  units: 64,
  seed: 1,
});
const variables = new Map(model.trainableWeights.map((w) => [w.read().name, w.read()]));
const embedding = [...variables.keys()].find((name) => name.startsWith('embedding/'));
const random = createRandom(1);
const x = tf.tensor2d(
  Int32Array.from({ length: BATCH * SEQ }, () => 2 + Math.floor(random() * (VOCAB - 2))),
  [BATCH, SEQ],
  'int32',
);
const y = tf.oneHot(
  tf.tensor1d(
    Int32Array.from({ length: BATCH }, () => (random() < 0.5 ? 0 : 1)),
    'int32',
  ),
  2,
);
const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true })), [...variables.values()]);
const distinct = new Set(x.dataSync()).size;

const variants = {
  ops: { optimizer: createOptimizer({ name: values.optimizer, lr: 1e-3 }, { step: 'ops' }) },
  fused: { optimizer: createOptimizer({ name: values.optimizer, lr: 1e-3 }) },
  'fused lazy': { optimizer: createOptimizer({ name: values.optimizer, lr: 1e-3 }), rows: new Map([[embedding, x]]) },
};
const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, { cpu: [], wall: [] }]));
for (let round = 0; round <= rounds; round++) {
  for (const [name, { optimizer, rows }] of Object.entries(variants)) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < steps; i++) optimizer.applyGradients(grads, variables, rows);
    const wall = (performance.now() - started) / steps;
    const used = process.cpuUsage(cpu);
    // Round 0 warms up (slots made, code compiled) and is not counted.
    if (round > 0) {
      samples[name].cpu.push((used.user + used.system) / 1000 / steps);
      samples[name].wall.push(wall);
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`optimizer step alone — ${values.optimizer} on ${values.backend} (${info.device}), ${values.cell} model, ${variables.size} variables`);
console.log(`embedding ${VOCAB}×64; the batch touches ${distinct} distinct rows; ${rounds} rounds × ${steps} steps; load ${load()}`);
console.log('variant        cpu ms/step   wall ms/step');
for (const [name, s] of Object.entries(samples)) {
  console.log(`${name.padEnd(14)} ${median(s.cpu).toFixed(3).padStart(11)} ${median(s.wall).toFixed(3).padStart(14)}`);
}
console.log(`load after: ${load()}`);
for (const { optimizer } of Object.values(variants)) optimizer.dispose();
tf.dispose([x, y, ...Object.values(grads)]);
model.dispose();

if (values.train) {
  const BATCHES = 10;
  const data = (() => {
    const r = createRandom(SEQ);
    const split = (count) => ({
      x: Int32Array.from({ length: count * SEQ }, () => 2 + Math.floor(r() * (VOCAB - 2))),
      exampleShape: [SEQ],
      y: Int32Array.from({ length: count }, () => (r() < 0.5 ? 0 : 1)),
      count,
    });
    return { task: 'classification', classes: 2, train: split(BATCHES * BATCH), validation: split(BATCH) };
  })();
  const runs = { ops: [], fused: [], 'fused lazy': [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(runs)) {
      if (name === 'ops') process.env.LOOPSWEEP_OPTIMIZER_STEP = 'ops';
      else delete process.env.LOOPSWEEP_OPTIMIZER_STEP;
      const m = buildClassifier({
        input: { kind: 'tokens', vocabSize: VOCAB, maxLen: SEQ, embeddingDim: 64 },
        output: { kind: 'classification', classes: 2 },
        cell: values.cell,
        units: 64,
        seed: 1,
      });
      const cpu = process.cpuUsage();
      const { history } = await train(m, data, {
        optimizer: { name: values.optimizer, lr: 1e-3 },
        schedule: { type: 'constant' },
        clip: { type: 'none' },
        batchSize: BATCH,
        epochs: 2,
        seed: 1,
        ...(name === 'fused lazy' ? { embeddingUpdate: 'lazy' } : {}),
      });
      const used = process.cpuUsage(cpu);
      runs[name].push({ wall: (history[1].epoch_seconds * 1000) / BATCHES, cpu: (used.user + used.system) / 1000 / (2 * BATCHES) });
      m.dispose();
    }
  }
  delete process.env.LOOPSWEEP_OPTIMIZER_STEP;
  console.log(`\ntrain(): ms per batch, median of ${rounds}; load ${load()}`);
  console.log('variant         cpu ms/batch  wall ms/batch (epoch 2)');
  for (const [name, ms] of Object.entries(runs)) {
    console.log(
      `${name.padEnd(14)} ${median(ms.map((x) => x.cpu))
        .toFixed(2)
        .padStart(12)} ${median(ms.map((x) => x.wall))
        .toFixed(2)
        .padStart(14)}`,
    );
  }
}
