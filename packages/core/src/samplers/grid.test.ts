import { describe, expect, it } from 'vitest';
import { SweepError } from '../errors/sweep-error.js';
import type { Params } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';
import type { FrozenTrial } from '../trial/frozen-trial.js';
import type { TrialState } from '../trial/trial-state.js';
import { GridSampler } from './grid.js';
import { gridPoints, pointKey } from './grid-points.js';
import { ENUMERABLE_DESIGN_SPACE } from './testing/example-spaces.js';
import { describeSamplerConformance } from './testing/sampler-conformance.js';

describeSamplerConformance('grid', (seed) => new GridSampler({ seed }), { space: ENUMERABLE_DESIGN_SPACE, seedSensitive: false });
describeSamplerConformance('grid (shuffled)', (seed) => new GridSampler({ seed, shuffle: true }), { space: ENUMERABLE_DESIGN_SPACE });

const space: SearchSpace = {
  params: [
    { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum'] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.8, high: 0.9, log: false, step: 0.1 }, when: { optimizer: ['momentum'] } },
    { name: 'units', distribution: { kind: 'int', low: 16, high: 32, log: false, step: 16 } },
    { name: 'bias', distribution: { kind: 'fixed', value: true } },
  ],
};

const trial = (number: number, params: Params, state: TrialState = 'COMPLETE'): FrozenTrial => ({ number, state, params, intermediate: new Map(), attempt: 1 });

/** Asks until the grid is exhausted, recording each proposal as a finished trial. */
const walk = (sampler: GridSampler, over: SearchSpace = space): Params[] => {
  const trials: FrozenTrial[] = [];
  while (!sampler.isExhausted({ space: over, trials, number: trials.length, direction: 'minimize' })) {
    trials.push(trial(trials.length, sampler.sample({ space: over, trials, number: trials.length, direction: 'minimize' })));
  }
  return trials.map((t) => t.params);
};

describe('gridPoints', () => {
  it('walks the condition tree: momentum multiplies only its own branch (2·2 + 2 = 6 points, not 2·2·2 = 8)', () => {
    expect(gridPoints(space)).toEqual([
      { optimizer: 'sgd', units: 16, bias: true },
      { optimizer: 'sgd', units: 32, bias: true },
      { optimizer: 'momentum', momentum: 0.8, units: 16, bias: true },
      { optimizer: 'momentum', momentum: 0.8, units: 32, bias: true },
      { optimizer: 'momentum', momentum: 0.9, units: 16, bias: true },
      { optimizer: 'momentum', momentum: 0.9, units: 32, bias: true },
    ]);
  });

  it('counts the DESIGN.md tree: 4 · (4 + 5) · 4 · (2 + 3) · 4 · 2 · 2 points', () => {
    expect(gridPoints(ENUMERABLE_DESIGN_SPACE)).toHaveLength(4 * 9 * 4 * 5 * 4 * 2 * 2);
  });

  it('has one point, {}, for an empty space', () => {
    expect(gridPoints({ params: [] })).toEqual([{}]);
  });

  it('refuses a float without a step, naming it', () => {
    const continuous: SearchSpace = { params: [{ name: 'lr', distribution: { kind: 'float', low: 0, high: 1, log: false } }] };
    expect(() => gridPoints(continuous)).toThrow(SweepError);
    expect(() => gridPoints(continuous)).toThrow("grid: parameter 'lr' has no finite list of values (give it values or a step)");
    try {
      gridPoints(continuous);
    } catch (error) {
      expect((error as SweepError).code).toBe('SAMPLER');
    }
  });

  it('keys params by value, whatever their key order', () => {
    expect(pointKey({ a: 1, b: 'x' })).toBe(pointKey({ b: 'x', a: 1 }));
    expect(pointKey({ a: 1 })).not.toBe(pointKey({ a: '1' }));
    expect(pointKey({ a: true })).not.toBe(pointKey({ a: 'true' }));
  });
});

describe('GridSampler', () => {
  it('visits every point once, in spec order, then is exhausted', () => {
    expect(walk(new GridSampler({ seed: 1 }))).toEqual(gridPoints(space));
  });

  it('visits every point once in a seeded order when shuffled, the same order for the same seed', () => {
    const shuffled = walk(new GridSampler({ seed: 8, shuffle: true }));
    expect(shuffled).not.toEqual(gridPoints(space));
    expect([...shuffled].map(pointKey).sort()).toEqual(gridPoints(space).map(pointKey).sort());
    expect(walk(new GridSampler({ seed: 8, shuffle: true }))).toEqual(shuffled);
    expect(walk(new GridSampler({ seed: 9, shuffle: true }))).not.toEqual(shuffled);
  });

  it('skips points held by trials in any state, matched by value (key order does not matter)', () => {
    const sampler = new GridSampler({ seed: 1 });
    const [p0, p1, p2, p3] = gridPoints(space);
    const taken = [trial(0, { bias: true, units: 16, optimizer: 'sgd' }, 'FAILED'), trial(1, p1 as Params, 'RUNNING'), trial(2, p3 as Params, 'QUEUED')];
    expect(p0).toBeDefined();
    expect(sampler.sample({ space, trials: taken, number: 3, direction: 'maximize' })).toEqual(p2);
  });

  it('gives two parallel asks different points: the second sees the first as pending', () => {
    const sampler = new GridSampler({ seed: 1 });
    const first = sampler.sample({ space, trials: [], number: 0, direction: 'minimize' });
    const second = sampler.sample({ space, trials: [trial(0, first, 'QUEUED')], number: 1, direction: 'minimize' });
    expect(second).not.toEqual(first);
  });

  it('throws SweepError SAMPLER "grid exhausted after 6 points" when every point is taken', () => {
    const sampler = new GridSampler({ seed: 1 });
    const trials = gridPoints(space).map((params, number) => trial(number, params));
    const context = { space, trials, number: trials.length, direction: 'minimize' } as const;
    expect(sampler.isExhausted(context)).toBe(true);
    expect(() => sampler.sample(context)).toThrow(new SweepError('SAMPLER', 'grid exhausted after 6 points'));
    try {
      sampler.sample(context);
    } catch (error) {
      expect((error as SweepError).code).toBe('SAMPLER');
    }
  });

  it('ignores trials whose params are not a grid point (a value from before a spec change)', () => {
    const sampler = new GridSampler({ seed: 1 });
    const stale = [trial(0, { optimizer: 'adam', units: 16, bias: true }), trial(1, { optimizer: 'sgd', units: 16 })];
    expect(sampler.sample({ space, trials: stale, number: 2, direction: 'minimize' })).toEqual(gridPoints(space)[0]);
  });

  it('hands out a copy: changing a proposal does not change the grid', () => {
    const sampler = new GridSampler({ seed: 1 });
    const first = sampler.sample({ space, trials: [], number: 0, direction: 'minimize' }) as Record<string, unknown>;
    first.units = 999;
    expect(sampler.sample({ space, trials: [], number: 0, direction: 'minimize' }).units).toBe(16);
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => new GridSampler({ seed: 0.5, shuffle: true })).toThrow('sampler.seed: must be an integer (got 0.5)');
  });
});
