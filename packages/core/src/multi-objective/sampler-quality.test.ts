import { describe, expect, it } from 'vitest';
import { RandomSampler } from '../samplers/random.js';
import type { Sampler } from '../samplers/sampler.js';
import type { MultiObjectiveHistory } from './mo-history.js';
import { MotpeSampler } from './motpe/motpe-sampler.js';
import { Nsga2Sampler } from './nsga2/nsga2-sampler.js';
import { median, runHypervolume, runStudy } from './testing/run-study.js';
import { dtlz2, zdt, type TestProblem } from './testing/test-problems.js';

/**
 * Beyond ZDT1 (in each sampler's own tests): the concave, the disconnected and a 3-objective
 * front. Medians of the 3 seeds here at 200 trials (random / NSGA-II steady-state, population 50
 * / NSGA-II generational, population 20 / MOTPE): ZDT2 8.42 / 9.13 / 9.13 / 9.46, ZDT3
 * 9.66 / 10.14 / 10.05 / 11.01, DTLZ2 13.01 / 13.70 / 13.85 / 14.77. Steady-state with a
 * population of 20 keeps too little of the front on ZDT2 (8.55): it needs the default 50.
 */
const seeds = [1, 2, 3];
const samplers: [string, (history: MultiObjectiveHistory, seed: number) => Sampler][] = [
  ['nsga2', (history, seed) => new Nsga2Sampler(history, { seed })],
  ['nsga2 (generational, population 20)', (history, seed) => new Nsga2Sampler(history, { seed, populationSize: 20, replacement: 'generational' })],
  ['motpe', (history, seed) => new MotpeSampler(history, { seed })],
];

function medianHypervolume(problem: TestProblem, make: (history: MultiObjectiveHistory, seed: number) => Sampler): number {
  return median(
    seeds.map((seed) =>
      runHypervolume(
        problem,
        runStudy(problem, (history) => make(history, seed), 200),
      ),
    ),
  );
}

describe.each([zdt(2), zdt(3), dtlz2()])('$name at 200 trials', (problem) => {
  let random: number | undefined;
  it.each(samplers)('%s beats random search by at least 3 percent of hypervolume (median of 3 seeds)', (_, make) => {
    random ??= medianHypervolume(problem, (__, seed) => new RandomSampler({ seed }));
    expect(medianHypervolume(problem, make)).toBeGreaterThan(1.03 * random);
  });
});
