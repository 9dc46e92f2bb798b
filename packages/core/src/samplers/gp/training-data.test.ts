import { describe, expect, it } from 'vitest';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { TrialState } from '../../trial/trial-state.js';
import { INACTIVE_NUMERIC } from './gp-dimension.js';
import { warpValues } from './output-warp.js';
import { buildTrainingData } from './training-data.js';

const space: SearchSpace = {
  params: [
    { name: 'x', distribution: { kind: 'float', low: 0, high: 10, log: false } },
    { name: 'opt', distribution: { kind: 'categorical', choices: ['sgd', 'momentum'] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { opt: ['momentum'] } },
    { name: 'seed', distribution: { kind: 'fixed', value: 1 } },
  ],
};

function trial(number: number, state: TrialState, params: Params, value?: number): FrozenTrial {
  return { number, state, params, value, intermediate: new Map(), attempt: 1 };
}

describe('buildTrainingData', () => {
  const trials = [
    trial(0, 'COMPLETE', { x: 1, opt: 'sgd', seed: 1 }, 3),
    trial(1, 'COMPLETE', { x: 5, opt: 'momentum', momentum: 0.9, seed: 1 }, 1),
    trial(2, 'PRUNED', { x: 9, opt: 'sgd', seed: 1 }, -100),
    trial(3, 'FAILED', { x: 7, opt: 'sgd', seed: 1 }),
    trial(4, 'COMPLETE', { x: 2, opt: 'sgd', seed: 1 }, Infinity),
    trial(5, 'COMPLETE', { x: 10, opt: 'momentum', momentum: 0.6, seed: 1 }, 2),
    trial(6, 'RUNNING', { x: 4, opt: 'sgd', seed: 1 }),
    trial(7, 'QUEUED', { x: 6, opt: 'momentum', momentum: 0.7, seed: 1 }),
  ];

  it('learns from COMPLETE trials with finite values only; models every param with more than one value', () => {
    const data = buildTrainingData(space, trials, 'minimize')!;
    expect(data.observed).toBe(3);
    // momentum is conditional (inactive in trial 0) and modelled; seed is fixed and is not.
    expect(data.dimensions.map((d) => d.name)).toEqual(['x', 'opt', 'momentum']);
    const rows = Array.from(data.inputs.x.subarray(0, 9));
    expect(rows.slice(0, 6)).toEqual([0.1, 0, INACTIVE_NUMERIC, 0.5, 1, (0.9 - 0.5) / 0.49]);
    expect(rows.slice(6)).toEqual([1, 1, (0.6 - 0.5) / 0.49].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(data.inputs.categorical)).toEqual([0, 1, 0]);
  });

  it('imputes an inactive conditional param by a constant and marks it inactive', () => {
    const data = buildTrainingData(space, trials, 'minimize')!;
    // Rows: trials 0, 1, 5 (observed), then 6 and 7 (pending).
    expect(Array.from(data.active)).toEqual([1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
    for (let i = 0; i < data.inputs.n; i++) {
      if (data.active[i * 3 + 2] === 0) expect(data.inputs.x[i * 3 + 2]).toBe(INACTIVE_NUMERIC);
    }
  });

  it('warps the values with larger = better whatever the direction, keeping their order', () => {
    const minimize = buildTrainingData(space, trials, 'minimize')!;
    const maximize = buildTrainingData(space, trials, 'maximize')!;
    expect(Array.from(minimize.y.subarray(0, 3))).toEqual(warpValues([-3, -1, -2]));
    expect(Array.from(maximize.y.subarray(0, 3))).toEqual(warpValues([3, 1, 2]));
    // Minimizing, the value 1 (trial 1) is the best; maximizing, 3 (trial 0) is.
    expect(minimize.best).toBe(minimize.y[1]);
    expect(maximize.best).toBe(maximize.y[0]);
    expect(minimize.y[1]).toBeGreaterThan(minimize.y[2] as number);
    expect(minimize.y[2]).toBeGreaterThan(minimize.y[0] as number);
  });

  it('adds the pending trials (the constant liar) at the worst observed value', () => {
    const data = buildTrainingData(space, trials, 'minimize')!;
    expect(data.inputs.n).toBe(5);
    const worst = Math.min(...Array.from(data.y.subarray(0, 3)));
    expect(data.y[3]).toBe(worst);
    expect(data.y[4]).toBe(worst);
    const pending = Array.from(data.inputs.x.subarray(9, 15));
    expect(pending).toEqual([0.4, 0, INACTIVE_NUMERIC, 0.6, 1, expect.closeTo((0.7 - 0.5) / 0.49, 12)]);
  });

  it('has nothing to model without an observation or a dimension', () => {
    expect(buildTrainingData(space, trials.slice(2, 4), 'minimize')).toBeUndefined();
    const fixedOnly: SearchSpace = { params: [{ name: 'seed', distribution: { kind: 'fixed', value: 1 } }] };
    expect(buildTrainingData(fixedOnly, [trial(0, 'COMPLETE', { seed: 1 }, 1)], 'minimize')).toBeUndefined();
  });
});
