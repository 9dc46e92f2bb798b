import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors/spec-error.js';
import { RandomSampler } from '../../samplers/random.js';
import type { Sampler } from '../../samplers/sampler.js';
import { DESIGN_SPACE } from '../../samplers/testing/example-spaces.js';
import { describeSamplerConformance, expectLegalProposal, pseudoObjective } from '../../samplers/testing/sampler-conformance.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { MultiObjectiveHistory } from '../mo-history.js';
import { median, runHypervolume, runStudy } from '../testing/run-study.js';
import { constrainedDisc, ZDT1_IDEAL_HYPERVOLUME, zdt } from '../testing/test-problems.js';
import { MotpeSampler } from './motpe-sampler.js';

const conformanceHistory: MultiObjectiveHistory = {
  directions: ['minimize', 'maximize'],
  valuesOf: (trial: FrozenTrial) => (trial.value === undefined ? undefined : [trial.value, pseudoObjective({ ...trial.params, second: 1 })]),
};

/** The same, with one constraint on a third hash: about half the trials violate it. */
const constrainedConformanceHistory: MultiObjectiveHistory = {
  ...conformanceHistory,
  violationsOf: (trial: FrozenTrial) => [Math.max(0, pseudoObjective({ ...trial.params, third: 1 }) - 0.5)],
};

describeSamplerConformance('motpe', (seed) => new MotpeSampler(conformanceHistory, { seed }));
describeSamplerConformance('motpe (constrained)', (seed) => new MotpeSampler(constrainedConformanceHistory, { seed }));
describeSamplerConformance('motpe (hypervolume weights)', (seed) => new MotpeSampler(conformanceHistory, { seed, goodWeights: 'hypervolume' }));
describeSamplerConformance(
  'motpe (constrained, hypervolume weights)',
  (seed) => new MotpeSampler(constrainedConformanceHistory, { seed, goodWeights: 'hypervolume' }),
);

describe('MotpeSampler', () => {
  it('proposes exactly what random search would during startup', () => {
    const problem = zdt(1, 5);
    const motpe = runStudy(problem, (history) => new MotpeSampler(history, { seed: 4 }), 10);
    const random = runStudy(problem, () => new RandomSampler({ seed: 4 }), 10);
    expect(motpe.trials.map((t) => t.params)).toEqual(random.trials.map((t) => t.params));
  });

  it('proposes legal values for every param kind of the design space, with and without constraints', () => {
    for (const history of [conformanceHistory, constrainedConformanceHistory]) {
      const sampler = new MotpeSampler(history, { seed: 2 });
      const trials: FrozenTrial[] = [];
      for (let number = 0; number < 50; number++) {
        const params = sampler.sample({ space: DESIGN_SPACE, trials: [...trials], number, direction: 'minimize' });
        expectLegalProposal(DESIGN_SPACE, params);
        trials.push({ number, state: 'COMPLETE', params, value: pseudoObjective(params), intermediate: new Map(), attempt: 1 });
      }
    }
  });

  it('closes a quarter of the gap between random search and the ideal hypervolume on ZDT1 (10 dims, 200 trials, median of 5 seeds)', () => {
    const problem = zdt(1, 10);
    const seeds = [1, 2, 3, 4, 5];
    const motpe = median(
      seeds.map((seed) =>
        runHypervolume(
          problem,
          runStudy(problem, (h) => new MotpeSampler(h, { seed }), 200),
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
    expect((motpe - random) / (ZDT1_IDEAL_HYPERVOLUME - random)).toBeGreaterThan(0.25);
  });

  it('proposes feasible points more often than random search on the 20%-feasible disc (c-TPE), median of 5 seeds', () => {
    const problem = constrainedDisc();
    const share = (feasible: boolean[]) => feasible.slice(20).filter(Boolean).length / (feasible.length - 20);
    const seeds = [1, 2, 3, 4, 5];
    const ctpe = median(seeds.map((seed) => share(runStudy(problem, (h) => new MotpeSampler(h, { seed }), 100).feasible)));
    const random = median(seeds.map((seed) => share(runStudy(problem, () => new RandomSampler({ seed }), 100).feasible)));
    expect(random).toBeLessThan(0.3);
    expect(ctpe).toBeGreaterThan(2 * random);
  });

  it('refuses bad options with their spec paths', () => {
    expect(() => new MotpeSampler(conformanceHistory, { seed: 1, gamma: 0 })).toThrow(SpecError);
    const both = (() => {
      try {
        new MotpeSampler(conformanceHistory, { seed: 1, gamma: 0, goodWeights: 'crowding' as 'default' });
      } catch (error) {
        return (error as SpecError).problems.map((p) => p.path);
      }
      return [];
    })();
    expect(both).toEqual(['sampler.gamma', 'sampler.good_weights']);
  });

  it('with hypervolume weights, still closes a quarter of the gap to the ideal on ZDT1 (10 dims, 200 trials, median of 5 seeds)', () => {
    const problem = zdt(1, 10);
    const seeds = [1, 2, 3, 4, 5];
    const hv = (make: (h: MultiObjectiveHistory, seed: number) => Sampler) =>
      median(
        seeds.map((seed) =>
          runHypervolume(
            problem,
            runStudy(problem, (h) => make(h, seed), 200),
          ),
        ),
      );
    const motpe = hv((h, seed) => new MotpeSampler(h, { seed, goodWeights: 'hypervolume' }));
    const random = hv((_h, seed) => new RandomSampler({ seed }));
    expect((motpe - random) / (ZDT1_IDEAL_HYPERVOLUME - random)).toBeGreaterThan(0.25);
  });
});
