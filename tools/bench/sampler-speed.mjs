#!/usr/bin/env node
// Sampler cost per trial: ask + tell with a no-op objective, 5 params (lr log-uniform, dropout,
// units int-log, optimizer and cell categorical), in memory. Side by side with Optuna where
// Debian's python3-optuna is installed (`apt-get install python3-optuna`).
//
//   npm run bench:samplers -- [--trials 1000] [--no-optuna]
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPruner, createSampler, parseSweepSpec, Study } from '@loopsweep/core';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '1000' }, 'no-optuna': { type: 'boolean', default: false } } });
const trials = Number(values.trials);

const spec = (sampler) =>
  parseSweepSpec(`
name: sampler-speed
objective: noop
metric: { name: value, goal: minimize }
budget: { trials: ${trials} }
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
function run(samplerYaml) {
  const parsed = spec(samplerYaml);
  const study = new Study({
    space: parsed.space,
    direction: 'minimize',
    metric: 'value',
    sampler: createSampler(parsed.sampler),
    pruner: createPruner({ type: 'none' }, {}),
  });
  const times = new Float64Array(trials);
  for (let i = 0; i < trials; i++) {
    const started = performance.now();
    const trial = study.ask();
    study.start(trial.number);
    study.tell(trial.number, 'COMPLETE', objective(trial.params));
    times[i] = performance.now() - started;
  }
  return times;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const window = (xs, from, to) => Array.from(xs.subarray(from, to));

// Warm the JIT once, as Python's interpreter needs no warm-up of its own.
run('{ type: tpe, seed: 0 }');
const random = run('{ type: random, seed: 1 }');
const tpe = run('{ type: tpe, seed: 1 }');

const figures = {
  random_ms_per_trial: mean(Array.from(random)),
  tpe_ms_per_trial: mean(Array.from(tpe)),
  tpe_ms_last_quarter: mean(window(tpe, Math.floor((3 * trials) / 4), trials)),
  tpe_ms_at: Object.fromEntries([100, 250, 500, 1000, 2000].filter((n) => n <= trials).map((n) => [n, mean(window(tpe, Math.max(0, n - 50), n))])),
};

console.log(`loopsweep sampler benchmark — ${trials} trials, 5 params, node ${process.version}`);
console.log(`  random ask+tell:                 ${figures.random_ms_per_trial.toFixed(4)} ms per trial`);
console.log(`  tpe ask+tell (mean):             ${figures.tpe_ms_per_trial.toFixed(3)} ms per trial`);
console.log(`  tpe ask+tell (last quarter):     ${figures.tpe_ms_last_quarter.toFixed(3)} ms per trial`);
for (const [n, ms] of Object.entries(figures.tpe_ms_at))
  console.log(`  tpe at ~${String(n).padEnd(5)} finished trials:  ${ms.toFixed(3)} ms per ask (mean of the 50 asks before)`);

if (!values['no-optuna']) {
  const script = fileURLToPath(new URL('optuna/sampler_speed.py', import.meta.url));
  // Debian's python3-optuna lives under /usr/bin/python3, which a pyenv or venv python3 on PATH hides.
  let python = spawnSync('/usr/bin/python3', [script, String(trials)], { encoding: 'utf8' });
  if (python.status !== 0) python = spawnSync('python3', [script, String(trials)], { encoding: 'utf8' });
  if (python.status !== 0) {
    console.log(`\n  optuna: not measured (${(python.stderr || python.error?.message || '').trim().split('\n').pop()}); install Debian's python3-optuna`);
  } else {
    const optuna = JSON.parse(python.stdout);
    console.log(`\nOptuna ${optuna.version} (same params, in-memory storage, same machine, this run):`);
    for (const [key, label] of [
      ['random_ms_per_trial', 'random'],
      ['tpe_ms_per_trial', 'tpe (mean)'],
      ['tpe_ms_last_quarter', 'tpe (last quarter)'],
    ]) {
      console.log(
        `  ${label.padEnd(20)} optuna ${optuna[key].toFixed(3).padStart(8)} ms   loopsweep ${figures[key].toFixed(3).padStart(8)} ms   ${(optuna[key] / figures[key]).toFixed(1)}× faster`,
      );
    }
  }
}
