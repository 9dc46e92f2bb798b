#!/usr/bin/env node
// The ask cost of the multi-objective samplers: mean sampler.sample() time over a sequential run,
// up to 100 and up to 500 trials, for loopsweep's NSGA-II and MOTPE (and MOTPE with hypervolume
// weights) on ZDT1 (2 objectives, 10 float params), one run per seed after a warm-up run.
//
//   npm run bench:mo-ask -- [--trials 500] [--seeds 3] [--problem zdt1] [--samplers nsga2,motpe,motpe-hv]
import { parseArgs } from 'node:util';
import { LOOPSWEEP_SAMPLERS, runLoopsweep } from './multi-objective/loopsweep.mjs';
import { PROBLEMS } from './multi-objective/problems.mjs';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '500' },
    seeds: { type: 'string', default: '3' },
    problem: { type: 'string', default: 'zdt1' },
    samplers: { type: 'string', default: 'nsga2,nsga2-gen,motpe,motpe-hv' },
  },
});
const trials = Number(values.trials);
const seeds = Number(values.seeds);
const problem = PROBLEMS[values.problem];
if (problem === undefined) throw new Error(`unknown problem '${values.problem}': use ${Object.keys(PROBLEMS).join(', ')}`);
const samplers = values.samplers.split(',').filter(Boolean);
for (const name of samplers) if (!(name in LOOPSWEEP_SAMPLERS)) throw new Error(`unknown sampler '${name}'`);
const checkpoints = [100, trials].filter((c, i, all) => c <= trials && all.indexOf(c) === i);

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `Ask cost: mean sampler.sample() ms per trial over a sequential run on ${values.problem} (${problem.description}), ` +
    `${seeds} seeds after one warm-up run; node ${process.version}`,
);
console.log(`  sampler     ${checkpoints.map((c) => `first ${c}`.padStart(10)).join('  ')}  ${`trials ${trials - 49}–${trials}`.padStart(16)}`);
for (const name of samplers) {
  runLoopsweep(name, problem, 1000, Math.min(trials, 200)); // warm-up: JIT
  const runs = Array.from({ length: seeds }, (_, seed) => runLoopsweep(name, problem, seed, trials).askMs);
  const upTo = (c) => mean(runs.flatMap((ask) => ask.slice(0, c)));
  const tail = mean(runs.flatMap((ask) => ask.slice(Math.max(0, trials - 50), trials)));
  console.log(`  ${name.padEnd(10)}  ${checkpoints.map((c) => upTo(c).toFixed(3).padStart(10)).join('  ')}  ${tail.toFixed(3).padStart(16)}`);
}
