#!/usr/bin/env node
// Milliseconds per training batch for each recurrent cell and sequence length on each backend,
// through the same training loop a sweep uses (train(), Adam, no clipping):
// Embedding(5000, 64) → cell(64) → Dense(2), batch 32 — the setup of issue 5's comparison table.
//
//   npm run bench -- [--backends wasm,cpu,webgpu] [--cells simple,lstm,gru,loop]
//                    [--seqs 50,100,200] [--batches 5] [--json out.json]
//
// Each figure is the mean over `--batches` timed batches after one warm-up epoch of the same size.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { buildClassifier, createRandom, initBackend, train } from '@loopsweep/model';

const { values } = parseArgs({
  options: {
    backends: { type: 'string', default: 'wasm,cpu,webgpu' },
    cells: { type: 'string', default: 'simple,lstm,gru,loop' },
    seqs: { type: 'string', default: '50,100,200' },
    batches: { type: 'string', default: '5' },
    'cpu-batches': { type: 'string', default: '2' },
    json: { type: 'string' },
  },
});
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const VOCAB = 5000;
const BATCH = 32;

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

async function msPerBatch(cell, seqLen, batches) {
  const model = buildClassifier({
    input: { kind: 'tokens', vocabSize: VOCAB, maxLen: seqLen, embeddingDim: 64 },
    output: { kind: 'classification', classes: 2 },
    cell,
    units: 64,
    seed: 1,
  });
  try {
    const { history } = await train(model, syntheticData(seqLen, batches), {
      optimizer: { name: 'adam', lr: 1e-3 },
      schedule: { type: 'constant' },
      clip: { type: 'none' },
      batchSize: BATCH,
      epochs: 2,
      seed: 1,
    });
    return (history[1].epoch_seconds * 1000) / batches;
  } finally {
    model.dispose();
  }
}

const cells = list(values.cells);
const seqs = list(values.seqs).map(Number);
const results = [];
console.log(`loopsweep train-step benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`);
console.log(`Embedding(${VOCAB},64) → cell(64) → Dense(2), batch ${BATCH}, Adam; ms per training batch\n`);
for (const backend of list(values.backends)) {
  let info;
  try {
    info = await initBackend(backend);
  } catch (error) {
    console.log(`${backend}: skipped — ${error.message.split('\n')[0]}\n`);
    continue;
  }
  const batches = Number(backend === 'cpu' ? values['cpu-batches'] : values.batches);
  console.log(`${backend} — ${info.device} (${batches} timed batches per figure)`);
  console.log(['cell'.padEnd(8), ...seqs.map((s) => `seq ${s}`.padStart(10))].join(''));
  for (const cell of cells) {
    const row = [cell.padEnd(8)];
    for (const seqLen of seqs) {
      const ms = await msPerBatch(cell, seqLen, batches);
      results.push({ backend, device: info.device, cell, seqLen, batch: BATCH, msPerBatch: ms });
      row.push(ms.toFixed(1).padStart(10));
    }
    console.log(row.join(''));
  }
  console.log('');
}
if (values.json) {
  await writeFile(values.json, JSON.stringify({ node: process.version, cpus: os.cpus().length, results }, null, 2));
  console.log(`wrote ${values.json}`);
}
