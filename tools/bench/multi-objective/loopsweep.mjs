// loopsweep's side of the multi-objective benchmark: one sequential run per (sampler, problem,
// seed), driven through the samplers directly, since specs and Study do not take several
// objectives yet. Each trial is recorded as a FrozenTrial (COMPLETE, `value` = the first
// objective) with its full vector kept in a side map that the MultiObjectiveHistory adapter reads.
import { MotpeSampler, Nsga2Sampler, RandomSampler } from '@loopsweep/core';
import { directions, space } from './problems.mjs';

/**
 * The samplers, core's defaults (NSGA-II: population 50, steady-state; MOTPE: TPE's options, 10
 * startup trials), and two variants: nsga2-gen, NSGA-II with generational replacement (Optuna's
 * form), and motpe-hv, MOTPE with Optuna 3.1's hypervolume-contribution weights for its good trials.
 */
export const LOOPSWEEP_SAMPLERS = {
  nsga2: (history, seed) => new Nsga2Sampler(history, { seed }),
  'nsga2-gen': (history, seed) => new Nsga2Sampler(history, { seed, replacement: 'generational' }),
  motpe: (history, seed) => new MotpeSampler(history, { seed }),
  'motpe-hv': (history, seed) => new MotpeSampler(history, { seed, goodWeights: 'hypervolume' }),
  random: (_history, seed) => new RandomSampler({ seed }),
};

/** One sequential run: per trial its objective vector and the ask time (ms, sampler.sample only). */
export function runLoopsweep(samplerName, problem, seed, trials) {
  const vectors = new Map();
  const history = { directions: directions(problem), valuesOf: (trial) => vectors.get(trial.number) };
  const sampler = LOOPSWEEP_SAMPLERS[samplerName](history, seed);
  const searchSpace = space(problem);
  const records = [];
  const values = new Array(trials);
  const askMs = new Array(trials);
  for (let number = 0; number < trials; number++) {
    const started = performance.now();
    const params = sampler.sample({ space: searchSpace, trials: records, number, direction: 'minimize' });
    askMs[number] = performance.now() - started;
    const vector = problem.evaluate(params);
    vectors.set(number, vector);
    values[number] = vector;
    records.push({ number, state: 'COMPLETE', params, value: vector[0], intermediate: new Map(), attempt: 1 });
  }
  return { values, askMs };
}
