import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { createRandom } from '../random.js';
import { parseSweepSpec } from '../spec/parse-sweep-spec.js';
import type { SearchSpace } from '../search-space/search-space.js';
import type { FrozenTrial } from '../trial/frozen-trial.js';
import { isExploited, topMembers } from './exploit.js';
import { explore } from './explore.js';
import { resolvePbtOptions } from './pbt-options.js';

const SPACE: SearchSpace = {
  params: [
    { name: 'lr', distribution: { kind: 'float', low: 1e-4, high: 1, log: true } },
    { name: 'units', distribution: { kind: 'int', low: 8, high: 64, log: false, step: 8 } },
    { name: 'cell', distribution: { kind: 'categorical', choices: ['simple', 'gru', 'lstm'] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { cell: ['gru'] } },
    { name: 'epochs', distribution: { kind: 'fixed', value: 10 } },
  ],
};

function member(number: number, values: Record<number, number>): FrozenTrial {
  return { number, state: 'RUNNING', params: {}, intermediate: new Map(Object.entries(values).map(([step, value]) => [Number(step), value])), attempt: 1 };
}

describe('explore', () => {
  it('multiplies numbers by a perturb factor within their range and grid, moves categoricals to a neighbour, keeps fixed values', () => {
    const options = { perturb: [0.8, 1.2], resampleProbability: 0 };
    for (let seed = 0; seed < 50; seed++) {
      const next = explore(SPACE, { lr: 0.01, units: 32, cell: 'gru', momentum: 0.9, epochs: 10 }, createRandom(seed), options);
      expect([0.008, 0.012].map((x) => x.toPrecision(12))).toContain((next['lr'] as number).toPrecision(12));
      expect([24, 40]).toContain(next['units']);
      expect(['simple', 'lstm']).toContain(next['cell']);
      expect(next['epochs']).toBe(10);
      // momentum exists only with gru: a neighbour of gru is never gru, so it is dropped.
      expect(next).not.toHaveProperty('momentum');
    }
    // Clipped to the range, and a step in the factor's direction where rounding would undo it.
    const edge = explore(SPACE, { lr: 1, units: 8, cell: 'simple', epochs: 10 }, createRandom(3), { perturb: [1.2], resampleProbability: 0 });
    expect(edge).toMatchObject({ lr: 1, units: 16, cell: 'gru' });
    expect(edge['momentum']).toBeGreaterThanOrEqual(0.5);
  });

  it('draws a param afresh with resample_probability 1', () => {
    const next = explore(SPACE, { lr: 0.01, units: 32, cell: 'lstm', epochs: 10 }, createRandom(1), { perturb: [1.2], resampleProbability: 1 });
    expect(next['lr']).not.toBeCloseTo(0.012, 6);
    expect(next['units'] as number).toBeGreaterThanOrEqual(8);
  });
});

describe('exploit', () => {
  const options = { interval: 2, quantile: 0.25, maxEpochs: 10, direction: 'minimize' as const };
  const population = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4].map((value, number) => member(number, { 2: value, 3: value }));

  it('stops the bottom quarter at an interval step before the last, ranking only the members that reached it', () => {
    expect(population.filter((trial) => isExploited(population, trial, 2, options)).map((trial) => trial.number)).toEqual([2, 6]);
    expect(population.some((trial) => isExploited(population, trial, 3, options))).toBe(false);
    expect(isExploited(population, population[2] as FrozenTrial, 2, { ...options, maxEpochs: 2 })).toBe(false);
    // Three members have reached the step: a quarter of three is nobody.
    expect(isExploited(population.slice(0, 3), population[2] as FrozenTrial, 2, options)).toBe(false);
    expect(isExploited([...population, member(8, { 2: Number.NaN })], member(8, { 2: Number.NaN }), 2, options)).toBe(true);
  });

  it('offers the top quarter, best first, to copy', () => {
    expect(topMembers(population, 2, 0.25, 'minimize').map((trial) => trial.number)).toEqual([1, 5]);
    expect(topMembers(population, 2, 0.25, 'maximize').map((trial) => trial.number)).toEqual([2, 6]);
  });
});

describe('pbt options and spec', () => {
  it('fills in the defaults and refuses bad options with their spec paths', () => {
    expect(resolvePbtOptions({ seed: 1 })).toEqual({ seed: 1, population: 8, interval: 2, quantile: 0.25, perturb: [0.8, 1.2], resampleProbability: 0.25 });
    const error = (() => {
      try {
        resolvePbtOptions({ seed: 1, population: 3, quantile: 0.25, perturb: [], resampleProbability: 2 });
      } catch (caught) {
        return caught as SpecError;
      }
      return undefined;
    })();
    expect(error?.problems.map((problem) => problem.path)).toEqual(['sampler.quantile', 'sampler.perturb', 'sampler.resample_probability']);
  });

  it('validates a pbt spec: max_epochs needed, no trials, no pruner', () => {
    const text = (budget: string, extra = '') =>
      `name: p\nobjective: noop\nmetric: { name: loss, goal: minimize }\nbudget: ${budget}\nsampler: { type: pbt, population: 4 }\n${extra}parameters:\n  lr: { log_uniform: [1.0e-3, 1.0] }\n`;
    expect(parseSweepSpec(text('{ max_epochs: 8 }')).sampler).toEqual({ type: 'pbt', seed: 0, population: 4 });
    expect(() => parseSweepSpec(text('{ trials: 10 }', 'pruner: { type: asha }\n'))).toThrow(
      /budget\.max_epochs: pbt needs it[\s\S]*budget\.trials: is set by pbt[\s\S]*pruner\.type: pbt stops the bottom members itself/,
    );
    expect(() => parseSweepSpec(text('{ max_epochs: 2 }'))).toThrow(/budget\.max_epochs: must be larger than sampler\.interval \(2\)/);
  });
});
