#!/usr/bin/env node
// Sampler cost per trial: ask + tell with a no-op objective, 5 params (lr log-uniform, dropout,
// units int-log, optimizer and cell categorical), in memory. Side by side with Optuna where
// Debian's python3-optuna is installed (`apt-get install python3-optuna`).
//
//   npm run bench:samplers -- [--trials 1000] [--gp-trials 300] [--no-optuna]
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPruner, createSampler, parseSweepSpec, Study } from '@loopsweep/core';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '1000' },
    'gp-trials': { type: 'string', default: '300' },
    'no-optuna': { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
// A GP ask grows as n³: past a few hundred trials it is not the sampler anyone should run.
const gpTrials = Math.min(trials, Number(values['gp-trials']));
/** The finished-trial counts at which an ask's cost is reported (mean of the 50 asks before). */
const checkpoints = [100, 250, 500, 1000, 2000].filter((n) => n <= trials);

const SAMPLERS = [
  { name: 'random', yaml: '{ type: random, seed: 1 }', trials },
  { name: 'tpe', yaml: '{ type: tpe, seed: 1 }', trials },
  { name: 'tpe multivariate', yaml: '{ type: tpe, seed: 1, multivariate: true }', trials },
  { name: 'gp', yaml: '{ type: gp, seed: 1 }', trials: gpTrials },
];

const spec = (sampler, count) =>
  parseSweepSpec(`
name: sampler-speed
objective: noop
metric: { name: value, goal: minimize }
budget: { trials: ${count} }
sampler: ${sampler}
parameters:
  lr: { log_uniform: [1.0e-4, 1.0e-1] }
  dropout: { uniform: [0.0, 0.5] }
  units: { int_log_uniform: [16, 256] }
  optimizer: { values: [sgd, momentum, adam, rmsprop, adagrad] }
  cell: { values: [simple, lstm, gru, loop] }
`);

const objective = (p) => (p.lr - 0.01) ** 2 + p.dropout * 0.1 + 1 / p.units + (p.optimizer === 'adam' ? 0 : 0.05);

/** Milliseconds of each ask+start+tell, in order. */
function run(samplerYaml, count) {
  const parsed = spec(samplerYaml, count);
  const study = new Study({
    space: parsed.space,
    direction: 'minimize',
    metric: 'value',
    sampler: createSampler(parsed.sampler, { space: parsed.space, trials: count }),
    pruner: createPruner({ type: 'none' }, {}),
  });
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const trial = study.ask();
    study.start(trial.number);
    study.tell(trial.number, 'COMPLETE', objective(trial.params));
    times[i] = performance.now() - started;
  }
  return times;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Mean per trial overall and at each checkpoint, as the Python side computes them. */
function summarize(times) {
  const at = {};
  for (const n of checkpoints) if (n <= times.length) at[n] = mean(Array.from(times.subarray(Math.max(0, n - 50), n)));
  return { per_trial: mean(Array.from(times)), trials: times.length, at };
}

// Warm the JIT for each sampler's code, as Python's interpreter needs no warm-up of its own
// (without it the first multivariate asks run before they are compiled).
for (const sampler of SAMPLERS) run(sampler.yaml.replace('seed: 1', 'seed: 0'), Math.min(sampler.trials, sampler.name === 'gp' ? 40 : 300));
const figures = {};
for (const sampler of SAMPLERS) {
  process.stderr.write(`  measuring ${sampler.name} (${sampler.trials} trials)…\n`);
  figures[sampler.name] = summarize(run(sampler.yaml, sampler.trials));
}

const ms = (x) => (x === undefined ? '—' : x < 0.01 ? `${x.toFixed(4)} ms` : x < 10 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`);
console.log(`loopsweep sampler cost — ask+tell per trial, 5 params, node ${process.version}`);
console.log(`  ${'sampler'.padEnd(18)} ${'mean'.padStart(11)} ${checkpoints.map((n) => `at ${n}`.padStart(11)).join(' ')}`);
for (const [name, f] of Object.entries(figures)) {
  console.log(`  ${name.padEnd(18)} ${ms(f.per_trial).padStart(11)} ${checkpoints.map((n) => ms(f.at[n]).padStart(11)).join(' ')}   (${f.trials} trials)`);
}
console.log('  "at N": the mean of the 50 asks before N trials had finished.');

if (!values['no-optuna']) {
  const script = fileURLToPath(new URL('optuna/sampler_speed.py', import.meta.url));
  // Debian's python3-optuna lives under /usr/bin/python3, which a pyenv or venv python3 on PATH hides.
  let python = spawnSync('/usr/bin/python3', [script, String(trials)], { encoding: 'utf8' });
  if (python.status !== 0) python = spawnSync('python3', [script, String(trials)], { encoding: 'utf8' });
  if (python.status !== 0) {
    console.log(`\n  optuna: not measured (${(python.stderr || python.error?.message || '').trim().split('\n').pop()}); install Debian's python3-optuna`);
  } else {
    const optuna = JSON.parse(python.stdout);
    console.log(`\nOptuna ${optuna.version}, same params, in-memory storage, this run (ratio: how many times cheaper loopsweep's ask is):`);
    for (const [name, f] of Object.entries(optuna.samplers)) {
      const ours = figures[name];
      const cells = ['per_trial', ...checkpoints].map((key) => {
        const theirs = key === 'per_trial' ? f.per_trial : f.at[key];
        const mine = key === 'per_trial' ? ours?.per_trial : ours?.at[key];
        return `${ms(theirs)} (${mine ? `${(theirs / mine).toFixed(0)}×` : '—'})`.padStart(18);
      });
      console.log(`  ${name.padEnd(18)} ${cells.join(' ')}`);
    }
  }
}
