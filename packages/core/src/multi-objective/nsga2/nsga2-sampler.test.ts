import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors/spec-error.js';
import { RandomSampler } from '../../samplers/random.js';
import { describeSamplerConformance, expectLegalProposal, pseudoObjective } from '../../samplers/testing/sampler-conformance.js';
import { DESIGN_SPACE } from '../../samplers/testing/example-spaces.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { MultiObjectiveHistory } from '../mo-history.js';
import { median, runHypervolume, runStudy } from '../testing/run-study.js';
import { constrainedDisc, ZDT1_IDEAL_HYPERVOLUME, zdt } from '../testing/test-problems.js';
import { Nsga2Sampler } from './nsga2-sampler.js';

/**
 * The conformance suite records one value per trial; a second objective derived from the params
 * (a hash, so it conflicts with the first in no particular way) makes it a two-objective history.
 */
const conformanceHistory: MultiObjectiveHistory = {
  directions: ['minimize', 'maximize'],
  valuesOf: (trial: FrozenTrial) => (trial.value === undefined ? undefined : [trial.value, pseudoObjective({ ...trial.params, second: 1 })]),
};

// A population of 8 so the suite's 30-trial histories reach the third generation.
describeSamplerConformance('nsga2', (seed) => new Nsga2Sampler(conformanceHistory, { seed, populationSize: 8 }));
describeSamplerConformance('nsga2 (generational)', (seed) => new Nsga2Sampler(conformanceHistory, { seed, populationSize: 8, replacement: 'generational' }));

describe('Nsga2Sampler', () => {
  it('proposes exactly what random search would in the first generation', () => {
    const problem = zdt(1, 5);
    const nsga2 = runStudy(problem, (history) => new Nsga2Sampler(history, { seed: 4, populationSize: 10 }), 10);
    const random = runStudy(problem, () => new RandomSampler({ seed: 4 }), 10);
    expect(nsga2.trials.map((t) => t.params)).toEqual(random.trials.map((t) => t.params));
  });

  it('proposes legal values for every param kind of the design space, children of earlier generations included', () => {
    const sampler = new Nsga2Sampler(conformanceHistory, { seed: 2, populationSize: 6, mutationProbability: 0.5 });
    const trials: FrozenTrial[] = [];
    for (let number = 0; number < 60; number++) {
      const params = sampler.sample({ space: DESIGN_SPACE, trials: [...trials], number, direction: 'minimize' });
      expectLegalProposal(DESIGN_SPACE, params);
      trials.push({ number, state: 'COMPLETE', params, value: pseudoObjective(params), intermediate: new Map(), attempt: 1 });
    }
    // Children inherit: later generations reuse parents' values rather than drawing everything anew.
    const earlyUnits = new Set(trials.slice(0, 6).map((t) => t.params.units));
    expect(trials.slice(6, 12).some((t) => earlyUnits.has(t.params.units))).toBe(true);
  });

  it('steady-state: a finished trial of the current generation is a parent at once; generational: not before the next generation', () => {
    // Population 2; trials 0 and 1 are generation 0, trial 2 (generation 1) dominates both. With no
    // crossover and no mutation a child copies its first parent, so its choice says which one it was.
    const space: SearchSpace = { params: [{ name: 'pick', distribution: { kind: 'categorical', choices: ['a', 'b', 'c'] } }] };
    const vectors = new Map([
      [0, [1, 2]],
      [1, [2, 1]],
      [2, [0, 0]],
    ]);
    const history: MultiObjectiveHistory = { directions: ['minimize', 'minimize'], valuesOf: (trial) => vectors.get(trial.number) };
    const trials: FrozenTrial[] = ['a', 'b', 'c'].map((pick, number) => ({ number, state: 'COMPLETE', params: { pick }, intermediate: new Map(), attempt: 1 }));
    const picks = (replacement: 'steady-state' | 'generational') =>
      Array.from({ length: 20 }, (_, seed) =>
        new Nsga2Sampler(history, { seed, populationSize: 2, crossoverProbability: 0, mutationProbability: 0, replacement }).sample({
          space,
          trials,
          number: 3,
          direction: 'minimize',
        }),
      ).map((params) => params.pick);
    const steady = picks('steady-state');
    // The population is {2, and one of 0 and 1}: trial 2 wins every tournament it is drawn into.
    expect(steady.filter((pick) => pick === 'c').length).toBeGreaterThan(10);
    expect(picks('generational')).not.toContain('c');
  });

  // With the default population of 50, 200 trials are only 4 generations of the generational form
  // (median 9.78 against random's 9.42); 20 gives 10 generations, which is what a 200-trial budget calls for.
  it('closes a quarter of the gap between random search and the ideal hypervolume on ZDT1 (10 dims, 200 trials, population 20, median of 5 seeds)', () => {
    const problem = zdt(1, 10);
    const seeds = [1, 2, 3, 4, 5];
    const nsga2 = median(
      seeds.map((seed) =>
        runHypervolume(
          problem,
          runStudy(problem, (h) => new Nsga2Sampler(h, { seed, populationSize: 20, replacement: 'generational' }), 200),
        ),
      ),
    );
    const random = median(
      seeds.map((seed) =>
        runHypervolume(
          problem,
          runStudy(problem, () => new RandomSampler({ seed }), 200),
        ),
      ),
    );
    expect((nsga2 - random) / (ZDT1_IDEAL_HYPERVOLUME - random)).toBeGreaterThan(0.25);
  });

  it('ends the constrained disc problem with mostly feasible proposals (constrained domination)', () => {
    const problem = constrainedDisc();
    const run = runStudy(problem, (h) => new Nsga2Sampler(h, { seed: 3, populationSize: 20 }), 120);
    const lastGeneration = run.feasible.slice(100);
    expect(lastGeneration.filter(Boolean).length / lastGeneration.length).toBeGreaterThan(0.5);
  });

  it('refuses bad options with their spec paths', () => {
    expect(() => new Nsga2Sampler(conformanceHistory, { seed: 1, populationSize: 1 })).toThrow(SpecError);
    expect(() => new Nsga2Sampler(conformanceHistory, { seed: 1, crossoverProbability: 1.5 })).toThrow(/sampler.crossover_probability/);
    expect(() => new Nsga2Sampler(conformanceHistory, { seed: 1, mutationProbability: -0.1 })).toThrow(/sampler.mutation_probability/);
    expect(() => new Nsga2Sampler(conformanceHistory, { seed: 1, replacement: 'batch' as 'generational' })).toThrow(/sampler.replacement/);
  });
});
