#!/usr/bin/env node
// Search quality: how close each sampler gets to the optimum of known test functions in a budget
// of trials, loopsweep's samplers side by side with Optuna's (Debian's python3-optuna).
//
//   npm run bench:quality -- [--functions branin,mixed] [--seeds 20] [--trials 100] [--optuna-samplers tpe,tpe-mv,random,cmaes]
//     [--samplers tpe,random,tpe-mv,gp,auto,default,name={type: tpe, …}] [--no-optuna]
//     [--jobs N] [--json out.json] [--check]
//
// Optuna's results are cached in quality/.cache/ (see optuna.mjs): a rerun recomputes loopsweep's side only.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { check } from './check.mjs';
import { DEFINITIONS, FUNCTIONS } from './functions.mjs';
import { parseSamplers, resolvedSampler, runLoopsweep, unsupported } from './loopsweep.mjs';
import { appliesTo, cached, cacheDir, findOptuna, INSTALL_HINT, OPTUNA_SAMPLERS, runOptuna } from './optuna.mjs';
import { mannWhitneyU, quartiles, winRate } from './stats.mjs';
import { functionTable, summaryTable } from './table.mjs';

const { values } = parseArgs({
  options: {
    functions: { type: 'string', default: Object.keys(FUNCTIONS).join(',') },
    seeds: { type: 'string', default: '20' },
    trials: { type: 'string', default: '100' },
    samplers: { type: 'string', default: 'tpe,random' },
    'no-optuna': { type: 'boolean', default: false },
    'optuna-samplers': { type: 'string', default: OPTUNA_SAMPLERS.join(',') },
    jobs: { type: 'string', default: String(availableParallelism()) },
    json: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const progress = (line) => process.stderr.write(`${line}\n`);
const fnNames = values.functions.split(',').map((name) => name.trim());
for (const name of fnNames) if (!(name in FUNCTIONS)) throw new Error(`unknown function '${name}': use ${Object.keys(FUNCTIONS).join(', ')}`);
const seeds = Number(values.seeds);
const trials = Number(values.trials);
const jobs = Number(values.jobs);
const optunaSamplers = values['optuna-samplers'].split(',').map((name) => name.trim());
for (const name of optunaSamplers) if (!OPTUNA_SAMPLERS.includes(name)) throw new Error(`unknown Optuna sampler '${name}': use ${OPTUNA_SAMPLERS.join(', ')}`);
const checkpoints = [...new Set([25, 50, 100, 300, trials].filter((c) => c <= trials))].sort((a, b) => a - b);

const optuna = values['no-optuna'] ? { missing: 'skipped (--no-optuna)' } : findOptuna();
if (optuna.missing && !values['no-optuna']) console.log(`Optuna not found (${optuna.missing}): loopsweep only. To compare with Optuna: ${INSTALL_HINT}.`);

if (optuna.cmaes === false) console.log(`Optuna's CMA-ES skipped: the cmaes module is missing (${INSTALL_HINT}).`);

if (values.check) {
  if (optuna.missing) throw new Error(`--check needs Optuna: ${INSTALL_HINT}`);
  console.log(`Checking that functions.mjs and optuna/quality.py agree (Optuna ${optuna.optuna}, definitions ${optuna.definitions}):`);
  const problems = check(optuna, fnNames);
  for (const problem of problems.slice(0, 20)) console.log(`  DIFFERENT: ${problem}`);
  console.log(problems.length === 0 ? 'OK: same values (within 1e-9) and same spaces.' : `${problems.length} problems.`);
  process.exit(problems.length === 0 ? 0 : 1);
}

/** Regret after n trials: the noise-free value of the trial with the best observed value, minus f*. */
function regretAt(run, n, fStar) {
  let best = 0;
  for (let i = 1; i < n; i++) if (run.observed[i] < run.observed[best]) best = i;
  return run.truth[best] - fStar;
}

function summarize(label, side, runs, fn) {
  const regret = {};
  for (const c of checkpoints) {
    const perSeed = runs.map((run) => regretAt(run, c, fn.fStar));
    regret[c] = { ...quartiles(perSeed), values: perSeed };
  }
  const asks = runs.flatMap((run) => run.askMs);
  return { label, side, regret, askMs: asks.reduce((a, b) => a + b, 0) / asks.length };
}

// loopsweep's side: every sampler block this build accepts, the others skipped with the reason.
const samplers = parseSamplers(values.samplers);
const runnable = [];
for (const sampler of samplers) {
  const why = unsupported(fnNames[0], FUNCTIONS[fnNames[0]], sampler.block, trials);
  if (why) console.log(`loopsweep ${sampler.name} (${sampler.block ?? 'no sampler block'}): skipped, not in this build: ${why}`);
  else runnable.push(sampler);
}

const figures = {
  trials,
  seeds,
  checkpoints,
  node: process.version,
  optuna: optuna.missing ? null : optuna.optuna,
  definitions: DEFINITIONS,
  askTime: 'loopsweep: study.ask(); Optuna: study.ask() plus the suggest_* calls (where its independent sampling happens), timed in Python',
  pValues: 'two-sided Mann-Whitney U: exact null distribution without ties, else normal approximation with tie and continuity corrections',
  functions: {},
};
const lsStarted = performance.now();
for (const fnName of fnNames) {
  const fn = FUNCTIONS[fnName];
  figures.functions[fnName] = { description: fn.description, fStar: fn.fStar, seeds, samplers: {}, pairs: [] };
  for (const sampler of runnable) {
    const started = performance.now();
    const runs = Array.from({ length: seeds }, (_, seed) => runLoopsweep(fnName, fn, sampler.block, seed, trials));
    const summary = summarize(`loopsweep ${sampler.name}`, 'loopsweep', runs, fn);
    // What `auto` (or no sampler block) chose here, and why: the README's table says it per function.
    const { reason } = resolvedSampler(fnName, fn, sampler.block, trials);
    if (reason) summary.chose = reason;
    figures.functions[fnName].samplers[`loopsweep:${sampler.name}`] = summary;
    progress(
      `loopsweep ${sampler.name.padEnd(8)} ${fnName.padEnd(16)} ${seeds} seeds × ${trials} trials in ${((performance.now() - started) / 1000).toFixed(1)} s${reason ? ` (chose ${reason})` : ''}`,
    );
  }
}
figures.loopsweepSeconds = (performance.now() - lsStarted) / 1000;

// Optuna's side: from the cache, the missing runs computed in parallel first.
if (!optuna.missing) {
  const tasks = [];
  for (const fnName of fnNames)
    for (const sampler of optunaSamplers)
      if (appliesTo(sampler, FUNCTIONS[fnName], optuna))
        for (let seed = 0; seed < seeds; seed++) if (!cached(optuna, fnName, sampler, seed, trials)) tasks.push({ fnName, sampler, seed, trials });
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
  let optunaCpuSeconds = 0;
  for (const fnName of fnNames) {
    const fn = FUNCTIONS[fnName];
    const entry = figures.functions[fnName];
    for (const sampler of optunaSamplers) {
      if (!appliesTo(sampler, fn, optuna)) continue;
      const runs = Array.from({ length: seeds }, (_, seed) => cached(optuna, fnName, sampler, seed, trials));
      optunaCpuSeconds += runs.reduce((s, run) => s + run.seconds, 0);
      entry.samplers[`optuna:${sampler}`] = summarize(`optuna ${sampler}`, 'optuna', runs, fn);
    }
    const last = checkpoints[checkpoints.length - 1];
    for (const ls of runnable) {
      const mine = entry.samplers[`loopsweep:${ls.name}`].regret[last].values;
      for (const sampler of optunaSamplers) {
        if (!appliesTo(sampler, fn, optuna)) continue;
        const theirs = entry.samplers[`optuna:${sampler}`].regret[last].values;
        const test = mannWhitneyU(mine, theirs);
        entry.pairs.push({ loopsweep: ls.name, optuna: sampler, winRate: winRate(mine, theirs), p: test.p, u: test.u, method: test.method });
      }
    }
  }
  figures.optunaRunSeconds = optunaCpuSeconds;
}

console.log(
  `Search quality: ${seeds} seeds × ${trials} trials, sequential; loopsweep (node ${process.version})${optuna.missing ? '' : ` vs Optuna ${optuna.optuna}`}. ` +
    (optuna.missing ? 'Ask time: study.ask().' : `Ask time: ${figures.askTime}. p: ${figures.pValues}.`),
);
for (const fnName of fnNames) console.log(functionTable(fnName, figures.functions[fnName], checkpoints));
console.log(summaryTable(figures));
if (figures.optunaRunSeconds !== undefined)
  console.log(
    `\nOptuna runs: ${figures.optunaRunSeconds.toFixed(0)} s of run time in all (from the cache where cached); loopsweep: ${figures.loopsweepSeconds.toFixed(1)} s.`,
  );
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  progress(`figures written to ${values.json}`);
}
