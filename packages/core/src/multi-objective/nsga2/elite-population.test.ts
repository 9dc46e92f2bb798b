import { describe, expect, it } from 'vitest';
import type { Observation } from '../mo-history.js';
import { elitePopulation, selectBest, steadyStatePopulation } from './elite-population.js';

const observation = (number: number, values: number[], violation = 0): Observation => ({
  trial: { number, state: 'COMPLETE', params: {}, intermediate: new Map(), attempt: 1 },
  values,
  violations: [violation],
  violation,
});

describe('selectBest', () => {
  it('keeps whole fronts, then the least crowded of the front that does not fit, and feasible before infeasible', () => {
    const pool = [
      observation(0, [0, 4]),
      observation(1, [1, 3]),
      observation(2, [1.1, 2.9]),
      observation(3, [4, 0]),
      observation(4, [5, 5]),
      observation(5, [-1, -1], 2),
    ];
    // Front {0, 1, 2, 3} does not fit in 3: its ends, 0 and 3, have infinite crowding distance and go first.
    const best = selectBest(pool, 3, ['minimize', 'minimize']).map((m) => m.observation.trial.number);
    expect(best.slice(0, 2).sort()).toEqual([0, 3]);
    expect(best).toHaveLength(3);
    expect(best).not.toContain(5);
    expect(selectBest(pool, 6, ['minimize', 'minimize']).find((m) => m.observation.trial.number === 5)?.rank).toBe(2);
  });
});

describe('elitePopulation', () => {
  it('carries good parents across generations: a generation-0 front member survives a bad generation 1', () => {
    const size = 2;
    const history = [observation(0, [0, 0]), observation(1, [3, 3]), observation(2, [5, 5]), observation(3, [1, 1])];
    const population = elitePopulation(history, 2, size, ['minimize', 'minimize']);
    expect(population.map((m) => m.observation.trial.number).sort()).toEqual([0, 3]);
    expect(
      elitePopulation(history, 1, size, ['minimize', 'minimize'])
        .map((m) => m.observation.trial.number)
        .sort(),
    ).toEqual([0, 1]);
    expect(elitePopulation([], 3, size, ['minimize', 'minimize'])).toEqual([]);
  });
});

describe('steadyStatePopulation', () => {
  it('takes the best of every finished trial, whatever its generation, and only the fronts it needs', () => {
    const history = [observation(0, [3, 3]), observation(1, [5, 5]), observation(2, [0, 2]), observation(3, [2, 0]), observation(4, [4, 4])];
    const population = steadyStatePopulation(history, 3, ['minimize', 'minimize']);
    expect(population.map((m) => m.observation.trial.number).sort()).toEqual([0, 2, 3]);
    expect(population.map((m) => m.rank).sort()).toEqual([0, 0, 1]);
    expect(steadyStatePopulation([], 3, ['minimize', 'minimize'])).toEqual([]);
  });
});
