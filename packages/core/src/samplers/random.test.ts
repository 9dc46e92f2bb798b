import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { createRandom } from '../random.js';
import type { Distribution } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';
import { RandomSampler, sampleUniform } from './random.js';
import { describeSamplerConformance } from './testing/sampler-conformance.js';

describeSamplerConformance('random', (seed) => new RandomSampler({ seed }));

/** Draws `count` values of `distribution` from one seeded stream. */
const draws = (distribution: Distribution, count: number, seed = 1): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => sampleUniform(distribution, random) as number);
};

/** How often each value came up. */
const frequencies = (values: readonly unknown[]): Map<unknown, number> => {
  const counts = new Map<unknown, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1 / values.length);
  return counts;
};

describe('sampleUniform', () => {
  it('draws a float uniformly in [low, high]: a quarter of draws per quarter', () => {
    const xs = draws({ kind: 'float', low: -2, high: 6, log: false }, 40000);
    for (const x of xs) expect(x >= -2 && x <= 6).toBe(true);
    for (let q = 0; q < 4; q++) {
      const share = xs.filter((x) => x >= -2 + 2 * q && x < 2 * q).length / xs.length;
      expect(Math.abs(share - 0.25)).toBeLessThan(0.01);
    }
  });

  it('draws a log float uniformly in log space: each decade of [1e-4, 1e-1] gets a third', () => {
    const xs = draws({ kind: 'float', low: 1e-4, high: 1e-1, log: true }, 30000);
    for (const x of xs) expect(x >= 1e-4 && x <= 1e-1).toBe(true);
    for (const [from, to] of [
      [1e-4, 1e-3],
      [1e-3, 1e-2],
      [1e-2, 1e-1],
    ] as const) {
      expect(Math.abs(xs.filter((x) => x >= from && x < to).length / xs.length - 1 / 3)).toBeLessThan(0.01);
    }
  });

  it('draws a stepped float from its grid, each point equally often', () => {
    const xs = draws({ kind: 'float', low: 0.1, high: 0.5, log: false, step: 0.1 }, 25000);
    const counts = frequencies(xs);
    expect([...counts.keys()].sort()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    for (const share of counts.values()) expect(Math.abs(share - 0.2)).toBeLessThan(0.01);
  });

  it('draws an int from its step grid, the end points as often as the rest', () => {
    const xs = draws({ kind: 'int', low: 3, high: 11, log: false, step: 2 }, 25000);
    const counts = frequencies(xs);
    expect([...counts.keys()].sort((a, b) => (a as number) - (b as number))).toEqual([3, 5, 7, 9, 11]);
    for (const share of counts.values()) expect(Math.abs(share - 0.2)).toBeLessThan(0.01);
  });

  it('draws a log int with the log-width of each cell: P(k) = log((k + ½)/(k − ½)) / log((high + ½)/(low − ½))', () => {
    const xs = draws({ kind: 'int', low: 1, high: 8, log: true, step: 1 }, 60000);
    const counts = frequencies(xs);
    const total = Math.log(8.5 / 0.5);
    for (let k = 1; k <= 8; k++) {
      const expected = Math.log((k + 0.5) / (k - 0.5)) / total;
      expect(Math.abs((counts.get(k) ?? 0) - expected)).toBeLessThan(0.006);
    }
    // 1 owns [0.5, 1.5): log 3 of log 17, the likeliest by far.
    expect(counts.get(1) ?? 0).toBeGreaterThan(0.37);
  });

  it('keeps the lower edge of a log int positive when the step is twice low', () => {
    const xs = draws({ kind: 'int', low: 1, high: 9, log: true, step: 2 }, 5000);
    expect(new Set(xs)).toEqual(new Set([1, 3, 5, 7, 9]));
  });

  it('draws each categorical choice equally often and returns fixed values as they are', () => {
    const random = createRandom(2);
    const choices = ['a', 1, true] as const;
    const picks = Array.from({ length: 30000 }, () => sampleUniform({ kind: 'categorical', choices }, random));
    for (const choice of choices) expect(Math.abs((frequencies(picks).get(choice) ?? 0) - 1 / 3)).toBeLessThan(0.01);
    expect(sampleUniform({ kind: 'fixed', value: 'adam' }, random)).toBe('adam');
  });
});

describe('RandomSampler', () => {
  const space: SearchSpace = {
    params: [
      { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum'] } },
      { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
      { name: 'batch', distribution: { kind: 'fixed', value: 32 } },
      { name: 'dropout', distribution: { kind: 'float', low: 0, high: 0.5, log: false } },
    ],
  };

  it('assigns a conditional param exactly when its condition holds, about half the time here', () => {
    const sampler = new RandomSampler({ seed: 5 });
    const proposals = Array.from({ length: 400 }, (_, number) => sampler.sample({ space, trials: [], number, direction: 'minimize' }));
    for (const p of proposals) {
      expect('momentum' in p).toBe(p.optimizer === 'momentum');
      expect(p.batch).toBe(32);
    }
    const withMomentum = proposals.filter((p) => 'momentum' in p).length;
    expect(withMomentum).toBeGreaterThan(160);
    expect(withMomentum).toBeLessThan(240);
  });

  it('depends on the trial number, not on the history', () => {
    const sampler = new RandomSampler({ seed: 5 });
    const empty = sampler.sample({ space, trials: [], number: 3, direction: 'minimize' });
    const trial = { number: 0, state: 'COMPLETE', params: empty, value: 1, intermediate: new Map(), attempt: 1 } as const;
    expect(sampler.sample({ space, trials: [trial], number: 3, direction: 'maximize' })).toEqual(empty);
    expect(sampler.sample({ space, trials: [], number: 4, direction: 'minimize' })).not.toEqual(empty);
  });

  it('refuses a seed that is not an integer, naming the spec path', () => {
    expect(() => new RandomSampler({ seed: 1.5 })).toThrow(SpecError);
    expect(() => new RandomSampler({ seed: Number.NaN })).toThrow('sampler.seed: must be an integer (got NaN)');
    expect(new RandomSampler({ seed: -3 }).seed).toBe(-3);
  });
});
