#!/usr/bin/env node
// Population-based training against an equal-compute TPE sweep on rnn-text (issue 18): for each
// seed, a PBT sweep of examples/pbt-spam.yaml (population P, E epochs: P × E epochs in all) and a
// TPE sweep of the same space with P trials of E epochs each (the same epochs), both on the same
// data and worker threads. Compared: the best member's val_loss (what each search optimizes) and
// its held-out test_loss, per seed, with the mean and a 95% bootstrap interval of each, and
// P(PBT better) over the seed pairs (a probability of improvement: 0.5 is a tie).
//
//   npm run bench:pbt -- [--seeds 5] [--population 4] [--epochs 8] [--threads 4] [--json out.json]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bootstrapCi, meanOf, parseSweepSpec, probabilityOfImprovement } from '@loopsweep/core';
import { createExecutor, parseDevices, runSweep } from '@loopsweep/runner';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    population: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '8' },
    threads: { type: 'string', default: '4' },
    json: { type: 'string' },
  },
});
const seeds = Number(values.seeds);
const population = Number(values.population);
const epochs = Number(values.epochs);
const threads = Number(values.threads);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = readFileSync(path.join(root, 'examples/pbt-spam.yaml'), 'utf8');

/** The example with this run's name, seed, population and epochs; `sampler` replaces its sampler line for TPE. */
function specFor(name, seed, sampler) {
  return example
    .replace(/^name: .*$/m, `name: ${name}`)
    .replace(
      /^budget: .*$/m,
      sampler ? `budget: { trials: ${population}, max_epochs: ${epochs}, parallel: ${threads} }` : `budget: { max_epochs: ${epochs}, parallel: ${threads} }`,
    )
    .replace(/^sampler: .*$/m, sampler ?? `sampler: { type: pbt, seed: ${seed}, population: ${population}, interval: 2, quantile: 0.25 }`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-bench-pbt-'));
const dbPath = path.join(dir, 'pbt.db');
const store = SqliteTrialStore.open(dbPath);
const executor = createExecutor(parseDevices(`wasm:${threads}`, threads));
const results = { pbt: [], tpe: [] };
try {
  for (let seed = 1; seed <= seeds; seed++) {
    for (const method of ['pbt', 'tpe']) {
      const name = `${method}-${seed}`;
      const sampler = method === 'tpe' ? `sampler: { type: tpe, seed: ${seed}, n_startup_trials: ${Math.min(population, 4)} }` : undefined;
      const started = performance.now();
      const outcome = await runSweep({ store, executor, start: { kind: 'new', spec: parseSweepSpec(specFor(name, seed, sampler)), specDir: root } });
      const best = outcome.best;
      const reader = SweepReader.open(dbPath);
      const testLoss = best ? reader.trial(name, best.number)?.metrics.at(-1)?.values['test_loss'] : undefined;
      const epochsRun = outcome.trials.reduce((sum, trial) => sum + trial.intermediate.size, 0);
      reader.close();
      results[method].push({
        seed,
        valLoss: best?.value,
        testLoss,
        trials: outcome.trials.length,
        epochs: epochsRun,
        seconds: (performance.now() - started) / 1000,
      });
      console.error(
        `${name}: best val_loss ${best?.value?.toFixed(4)} test_loss ${testLoss?.toFixed(4)}, ${outcome.trials.length} trials, ${epochsRun} epochs, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
} finally {
  await executor.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

const summary = (xs) => {
  const ci = bootstrapCi(xs, { statistic: meanOf, seed: 1 });
  return `${ci.estimate.toFixed(4)} [${ci.ci[0].toFixed(4)}, ${ci.ci[1].toFixed(4)}]`;
};
console.log(
  `PBT (population ${population}, ${epochs} epochs, interval 2) against TPE (${population} trials × ${epochs} epochs) on examples/pbt-spam.yaml, ${seeds} seeds, ${threads} wasm threads; node ${process.version}`,
);
console.log('  metric of the best member    PBT mean [95% CI]            TPE mean [95% CI]            P(PBT better)');
for (const [label, key] of [
  ['val_loss (searched)', 'valLoss'],
  ['test_loss (held out)', 'testLoss'],
]) {
  const pbt = results.pbt.map((r) => r[key]);
  const tpe = results.tpe.map((r) => r[key]);
  console.log(`  ${label.padEnd(27)}  ${summary(pbt).padEnd(27)}  ${summary(tpe).padEnd(27)}  ${probabilityOfImprovement(pbt, tpe, 'minimize').toFixed(2)}`);
}
console.log(`  epochs per sweep: PBT ${results.pbt.map((r) => r.epochs).join(', ')}; TPE ${results.tpe.map((r) => r.epochs).join(', ')}`);
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
