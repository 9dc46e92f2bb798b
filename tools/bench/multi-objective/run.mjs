#!/usr/bin/env node
// Multi-objective search quality: the hypervolume each sampler reaches on ZDT1–3 and DTLZ2 in a
// budget of sequential trials, loopsweep's NSGA-II, MOTPE and random search (core's library,
// driven directly: not yet in specs; plus the nsga2-gen and motpe-hv variants, see loopsweep.mjs)
// side by side with Optuna's (Debian's python3-optuna).
//
//   npm run bench:multi-objective -- [--problems zdt1,dtlz2] [--seeds 10] [--trials 200]
//     [--samplers nsga2,nsga2-gen,motpe,motpe-hv,random] [--no-optuna] [--jobs N] [--json out.json] [--check]
//
// Both sides' hypervolumes are computed here, by core's hypervolume(), against one fixed reference
// point per problem (problems.mjs). Optuna's runs are cached in multi-objective/.cache/ (see
// optuna.mjs): a rerun recomputes loopsweep's side only.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { hypervolume } from '@loopsweep/core';
import { mannWhitneyU, quartiles, winRate } from '../quality/stats.mjs';
import { check } from './check.mjs';
import { LOOPSWEEP_SAMPLERS, runLoopsweep } from './loopsweep.mjs';
import { cached, cacheDir, findOptuna, INSTALL_HINT, OPTUNA_SAMPLERS, runOptuna } from './optuna.mjs';
import { DEFINITIONS, directions, PROBLEMS } from './problems.mjs';
import { problemTable, summaryTable } from './table.mjs';

const { values } = parseArgs({
  options: {
    problems: { type: 'string', default: Object.keys(PROBLEMS).join(',') },
    seeds: { type: 'string', default: '10' },
    trials: { type: 'string', default: '200' },
    samplers: { type: 'string', default: Object.keys(LOOPSWEEP_SAMPLERS).join(',') },
    'no-optuna': { type: 'boolean', default: false },
    jobs: { type: 'string', default: String(availableParallelism()) },
    json: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const progress = (line) => process.stderr.write(`${line}\n`);
const list = (text) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
const problemNames = list(values.problems);
for (const name of problemNames) if (!(name in PROBLEMS)) throw new Error(`unknown problem '${name}': use ${Object.keys(PROBLEMS).join(', ')}`);
const samplerNames = list(values.samplers);
for (const name of samplerNames)
  if (!(name in LOOPSWEEP_SAMPLERS)) throw new Error(`unknown sampler '${name}': use ${Object.keys(LOOPSWEEP_SAMPLERS).join(', ')}`);
const seeds = Number(values.seeds);
const trials = Number(values.trials);
const jobs = Number(values.jobs);
if (!(Number.isInteger(seeds) && seeds >= 1 && Number.isInteger(trials) && trials >= 1 && Number.isInteger(jobs) && jobs >= 1))
  throw new Error('--seeds, --trials and --jobs must be positive integers');
const checkpoints = [...new Set([50, 100, 200, trials].filter((c) => c <= trials))].sort((a, b) => a - b);

const optuna = values['no-optuna'] ? { missing: 'skipped (--no-optuna)' } : findOptuna();
if (optuna.missing && !values['no-optuna']) console.log(`Optuna not found (${optuna.missing}): loopsweep only. To compare with Optuna: ${INSTALL_HINT}.`);

if (values.check) {
  if (optuna.missing) throw new Error(`--check needs Optuna: ${INSTALL_HINT}`);
  console.log(`Checking that problems.mjs and optuna/multi_objective.py agree (Optuna ${optuna.optuna}, definitions ${optuna.definitions}):`);
  const problems = check(optuna, problemNames);
  for (const problem of problems.slice(0, 20)) console.log(`  DIFFERENT: ${problem}`);
  console.log(problems.length === 0 ? 'OK: same values (within 1e-9).' : `${problems.length} differences.`);
  process.exit(problems.length === 0 ? 0 : 1);
}
if (!optuna.missing && optuna.definitions !== DEFINITIONS)
  throw new Error(`problems.mjs has definitions ${DEFINITIONS}, multi_objective.py ${optuna.definitions}: bump both together`);

/** Hypervolume quartiles at each checkpoint and the mean ask time over the runs (one per seed). */
function summarize(label, side, runs, problem) {
  const hv = {};
  for (const c of checkpoints) {
    const perSeed = runs.map((run) => hypervolume(run.values.slice(0, c), problem.reference, directions(problem)));
    hv[c] = { ...quartiles(perSeed), values: perSeed };
  }
  const asks = runs.flatMap((run) => run.askMs);
  return { label, side, hypervolume: hv, askMs: asks.reduce((a, b) => a + b, 0) / asks.length };
}

const figures = {
  trials,
  seeds,
  checkpoints,
  node: process.version,
  optuna: optuna.missing ? null : optuna.optuna,
  definitions: DEFINITIONS,
  samplers:
    'loopsweep: Nsga2Sampler (population 50; nsga2: steady-state, nsga2-gen: generational), ' +
    "MotpeSampler (TPE defaults, 10 startup trials; motpe-hv: goodWeights 'hypervolume'), RandomSampler; " +
    'Optuna: NSGAIISampler (population 50), TPESampler (MOTPE), RandomSampler; all with defaults and seed = the seed',
  askTime: 'loopsweep: sampler.sample(); Optuna: study.ask() plus the suggest_float calls, timed in Python',
  pValues: 'two-sided Mann-Whitney U: exact null distribution without ties, else normal approximation with tie and continuity corrections',
  problems: {},
};

const lsStarted = performance.now();
for (const name of problemNames) {
  const problem = PROBLEMS[name];
  const entry = { description: problem.description, reference: problem.reference, ideal: problem.ideal(), seeds, samplers: {}, pairs: [] };
  figures.problems[name] = entry;
  for (const sampler of samplerNames) {
    const started = performance.now();
    const runs = Array.from({ length: seeds }, (_, seed) => runLoopsweep(sampler, problem, seed, trials));
    entry.samplers[`loopsweep:${sampler}`] = summarize(`loopsweep ${sampler}`, 'loopsweep', runs, problem);
    progress(`loopsweep ${sampler.padEnd(6)} ${name.padEnd(6)} ${seeds} seeds × ${trials} trials in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
figures.loopsweepSeconds = (performance.now() - lsStarted) / 1000;

// Optuna's side: from the cache, the missing runs computed in parallel first.
if (!optuna.missing) {
  const tasks = [];
  for (const problem of problemNames)
    for (const sampler of OPTUNA_SAMPLERS)
      for (let seed = 0; seed < seeds; seed++) if (!cached(optuna, problem, sampler, seed, trials)) tasks.push({ problem, sampler, seed, trials });
  if (tasks.length > 0) {
    progress(`optuna ${optuna.optuna}: ${tasks.length} runs not in ${cacheDir(optuna)}, ${jobs} processes`);
    let lastReport = 0;
    const seconds = await runOptuna(optuna, tasks, jobs, (done, total, elapsed) => {
      if (done === total || elapsed - lastReport >= 10) {
        lastReport = elapsed;
        progress(
          `optuna: ${done}/${total} runs, ${elapsed.toFixed(0)} s${done < total ? `, about ${((elapsed / done) * (total - done)).toFixed(0)} s left` : ''}`,
        );
      }
    });
    figures.optunaWallSeconds = seconds;
    progress(`optuna: ${tasks.length} runs in ${seconds.toFixed(0)} s`);
  }
  const last = checkpoints[checkpoints.length - 1];
  figures.optunaRunSeconds = {};
  for (const name of problemNames) {
    const problem = PROBLEMS[name];
    const entry = figures.problems[name];
    for (const sampler of OPTUNA_SAMPLERS) {
      const runs = Array.from({ length: seeds }, (_, seed) => cached(optuna, name, sampler, seed, trials));
      // A cached longer run's time is for all its trials: scaled to this budget, roughly.
      const seconds = runs.reduce((s, run) => s + (run.seconds * trials) / run.trials, 0);
      figures.optunaRunSeconds[sampler] = (figures.optunaRunSeconds[sampler] ?? 0) + seconds;
      entry.samplers[`optuna:${sampler}`] = summarize(`optuna ${sampler}`, 'optuna', runs, problem);
    }
    for (const ls of samplerNames) {
      // winRate counts the lower value as the win: hypervolume is better higher, so compare negated.
      const mine = entry.samplers[`loopsweep:${ls}`].hypervolume[last].values.map((v) => -v);
      for (const sampler of OPTUNA_SAMPLERS) {
        const theirs = entry.samplers[`optuna:${sampler}`].hypervolume[last].values.map((v) => -v);
        const test = mannWhitneyU(mine, theirs);
        entry.pairs.push({ loopsweep: ls, optuna: sampler, winRate: winRate(mine, theirs), p: test.p, u: test.u, method: test.method });
      }
    }
  }
}

console.log(
  `Multi-objective search quality: ${seeds} seeds × ${trials} trials, sequential; loopsweep (node ${process.version})` +
    `${optuna.missing ? '' : ` vs Optuna ${optuna.optuna}`}. Samplers: ${figures.samplers}. Ask time: ${figures.askTime}.` +
    `${optuna.missing ? '' : ` p: ${figures.pValues}.`}`,
);
for (const name of problemNames) console.log(problemTable(name, figures.problems[name], checkpoints));
console.log(summaryTable(figures));
if (figures.optunaRunSeconds !== undefined)
  console.log(
    `\nOptuna run time (sum over runs, from the cache where cached): ${Object.entries(figures.optunaRunSeconds)
      .map(([sampler, s]) => `${sampler} ${s.toFixed(1)} s`)
      .join(', ')}; loopsweep, all samplers: ${figures.loopsweepSeconds.toFixed(1)} s.`,
  );
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  progress(`figures written to ${values.json}`);
}
