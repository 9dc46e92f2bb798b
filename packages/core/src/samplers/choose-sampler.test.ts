import { describe, expect, it } from 'vitest';
import { createSearchSpace } from '../spec/build-search-space.js';
import { chooseSampler, GP_MAX_PARAMS, GP_MAX_TRIALS } from './choose-sampler.js';

const numeric = createSearchSpace({
  lr: { log_uniform: [1e-4, 1e-1] },
  dropout: { uniform: [0, 0.5] },
  units: { int_log_uniform: [16, 256] },
  cell: { values: ['lstm', 'gru'] },
});

describe('chooseSampler', () => {
  it('returns a concrete config unchanged, with no reason', () => {
    const config = { type: 'tpe', seed: 3, gamma: 0.2 } as const;
    expect(chooseSampler(config, { space: numeric, trials: 50 })).toEqual({ config, reason: '' });
  });

  it('chooses the GP, with the auto seed, for a small mostly numeric space and a small budget', () => {
    const choice = chooseSampler({ type: 'auto', seed: 9 }, { space: numeric, trials: 100 });
    expect(choice.config).toEqual({ type: 'gp', seed: 9 });
    expect(choice.reason).toBe('Gaussian process: 4 parameters, 1 categorical, no conditional, 100 trials (≤ 200)');
  });

  it('chooses the GP for a small conditional space too (it models inactive parameters as imputed dimensions)', () => {
    const space = createSearchSpace({ optimizer: { values: ['sgd', 'momentum'] }, momentum: { uniform: [0.5, 0.99], when: { optimizer: 'momentum' } } });
    const choice = chooseSampler({ type: 'auto', seed: 1 }, { space, trials: 50 });
    expect(choice.config).toEqual({ type: 'gp', seed: 1 });
    expect(choice.reason).toBe('Gaussian process: 2 parameters, 1 categorical, 1 conditional, 50 trials (≤ 200)');
  });

  it('chooses TPE past the GP budget, without a trial budget, for many or mostly categorical parameters', () => {
    const auto = { type: 'auto', seed: 0 } as const;
    expect(chooseSampler(auto, { space: numeric, trials: GP_MAX_TRIALS }).config.type).toBe('gp');
    expect(chooseSampler(auto, { space: numeric, trials: GP_MAX_TRIALS + 1 }).reason).toContain(`a budget of ${GP_MAX_TRIALS + 1} trials`);
    expect(chooseSampler(auto, { space: numeric, trials: undefined }).reason).toContain('no trial budget');
    const wide = createSearchSpace(Object.fromEntries(Array.from({ length: GP_MAX_PARAMS + 1 }, (_, i) => [`x${i}`, { uniform: [0, 1] }])));
    expect(chooseSampler(auto, { space: wide, trials: 50 }).reason).toContain(`${GP_MAX_PARAMS + 1} parameters`);
    const categorical = createSearchSpace({ a: { values: [1, 2] }, b: { values: ['x', 'y'] }, c: { uniform: [0, 1] } });
    expect(chooseSampler(auto, { space: categorical, trials: 50 }).reason).toContain('2 of 3 parameters are categorical');
  });

  it('chooses TPE when a pruner stops trials early', () => {
    const choice = chooseSampler({ type: 'auto', seed: 0 }, { space: numeric, trials: 50, pruning: true });
    expect(choice.config.type).toBe('tpe');
    expect(choice.reason).toContain('a pruner stops trials early');
  });

  it('does not count fixed parameters', () => {
    const space = createSearchSpace({ a: { value: 'x' }, b: { value: 2 }, c: { values: [1, 2] }, d: { uniform: [0, 1] } });
    expect(chooseSampler({ type: 'auto', seed: 0 }, { space, trials: 20 }).config.type).toBe('gp');
  });
});
