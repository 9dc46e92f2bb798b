#!/usr/bin/env node
// Pool scaling: the same 8 real `rnn-text` trials (a grid, so both runs train the same models)
// with 1 and with 2 worker threads; wall time and speedup (throughput ratio), for each recurrent
// layer implementation asked for (rnn_impl: fast is the default layer, tfjs-layers the old one).
//
//   npm run bench:pool -- [--epochs 2] [--limit 800] [--impls fast,tfjs-layers]
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSweepSpec } from '@loopsweep/core';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';
import { createExecutor, parseDevices, runSweep } from '@loopsweep/runner';

const { values } = parseArgs({
  options: { epochs: { type: 'string', default: '2' }, limit: { type: 'string', default: '800' }, impls: { type: 'string', default: 'fast' } },
});
const specFor = (impl) =>
  parseSweepSpec(`
name: pool-scaling
objective: rnn-text
dataset: { name: spamassassin, limit: ${values.limit}, max_len: 64, vocab: 3000 }
metric: { name: val_accuracy, goal: maximize }
budget: { max_epochs: ${values.epochs} }
sampler: { type: grid, seed: 1 }
parameters:
  cell: { values: [lstm, gru] }
  optimizer: { values: [adam, rmsprop] }
  clip: { values: [none, global_norm] }
  units: { value: 32 }
  embedding_dim: { value: 32 }
  rnn_impl: { value: ${impl} }
`);

async function wallSeconds(spec, workers) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-pool-'));
  const store = SqliteTrialStore.open(path.join(dir, 'pool.db'));
  const executor = createExecutor(parseDevices(`wasm:${workers}`, workers));
  const started = performance.now();
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
  const seconds = (performance.now() - started) / 1000;
  await executor.close();
  store.close();
  const complete = outcome.trials.filter((t) => t.state === 'COMPLETE').length;
  // Seconds spent inside training epochs, summed over trials: if two threads slowed each other,
  // this sum would grow with 2 workers; warm-up and idle threads do not count in it.
  const reader = SweepReader.open(path.join(dir, 'pool.db'));
  let trainingSeconds = 0;
  for (const curve of reader.learningCurves('pool-scaling', 'epoch_seconds').values()) for (const [, value] of curve) trainingSeconds += value;
  reader.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, complete, trainingSeconds };
}

console.log(
  `loopsweep pool scaling — 8 rnn-text trials (grid), ${values.epochs} epochs, SpamAssassin limit ${values.limit}, ${os.availableParallelism()} cores`,
);
for (const impl of values.impls
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)) {
  const spec = specFor(impl);
  console.log(
    `rnn_impl ${impl} (load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  const one = await wallSeconds(spec, 1);
  console.log(`  1 worker:  ${one.seconds.toFixed(1)} s (${one.complete} complete; ${one.trainingSeconds.toFixed(1)} s in training epochs)`);
  const two = await wallSeconds(spec, 2);
  console.log(`  2 workers: ${two.seconds.toFixed(1)} s (${two.complete} complete; ${two.trainingSeconds.toFixed(1)} s in training epochs)`);
  console.log(`  training epochs in two threads at once: ${(two.trainingSeconds / one.trainingSeconds).toFixed(2)}× as long as alone`);
  console.log(
    `  speedup: ${(one.seconds / two.seconds).toFixed(2)}× (load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
}
