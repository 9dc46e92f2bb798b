import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { createSampler } from './create-sampler.js';
import { GpSampler } from './gp/gp-sampler.js';
import { GridSampler } from './grid.js';
import { RandomSampler } from './random.js';
import { DESIGN_SPACE, ENUMERABLE_DESIGN_SPACE } from './testing/example-spaces.js';
import { TpeSampler } from './tpe/tpe-sampler.js';

describe('createSampler', () => {
  it('builds a RandomSampler that proposes what one built by hand does', () => {
    const sampler = createSampler({ type: 'random', seed: 4 });
    expect(sampler).toBeInstanceOf(RandomSampler);
    const context = { space: DESIGN_SPACE, trials: [], number: 2, direction: 'minimize' } as const;
    expect(sampler.sample(context)).toEqual(new RandomSampler({ seed: 4 }).sample(context));
  });

  it('builds a GridSampler, in spec order unless shuffle is set', () => {
    const plain = createSampler({ type: 'grid', seed: 1 });
    const shuffled = createSampler({ type: 'grid', seed: 1, shuffle: true });
    expect(plain).toBeInstanceOf(GridSampler);
    expect((plain as GridSampler).shuffle).toBe(false);
    expect((shuffled as GridSampler).shuffle).toBe(true);
    const context = { space: ENUMERABLE_DESIGN_SPACE, trials: [], number: 0, direction: 'minimize' } as const;
    expect(plain.sample(context)).toEqual({ cell: 'simple', optimizer: 'sgd', lr: 1e-4, clip: 'none', schedule: 'constant', units: 16, dropout: 0 });
  });

  it('maps the snake_case TPE options onto the sampler, with defaults for the rest', () => {
    const tpe = createSampler({ type: 'tpe', seed: 7, n_startup_trials: 5, gamma: 0.2, constant_liar: false });
    expect(tpe).toBeInstanceOf(TpeSampler);
    expect((tpe as TpeSampler).options).toEqual({
      seed: 7,
      nStartupTrials: 5,
      nEiCandidates: 12,
      gamma: 0.2,
      priorWeight: 1,
      constantLiar: false,
      multivariate: false,
      group: false,
    });
    const multivariate = createSampler({ type: 'tpe', seed: 7, multivariate: true });
    expect((multivariate as TpeSampler).options).toMatchObject({ multivariate: true, group: true });
    expect((createSampler({ type: 'tpe', seed: 7, multivariate: true, group: false }) as TpeSampler).options).toMatchObject({ group: false });
    const all = createSampler({ type: 'tpe', seed: 7, n_ei_candidates: 48, prior_weight: 2 });
    expect((all as TpeSampler).options).toMatchObject({ nEiCandidates: 48, priorWeight: 2, constantLiar: true });
  });

  it('maps the snake_case GP options onto the sampler, with defaults for the rest', () => {
    const gp = createSampler({ type: 'gp', seed: 7, n_startup_trials: 5 });
    expect(gp).toBeInstanceOf(GpSampler);
    expect((gp as GpSampler).options).toEqual({ seed: 7, nStartupTrials: 5, nCandidates: 512 });
    expect((createSampler({ type: 'gp', seed: 7, n_candidates: 2048 }) as GpSampler).options.nCandidates).toBe(2048);
    expect(() => createSampler({ type: 'gp', seed: 1, n_candidates: 0 })).toThrow('sampler.n_candidates: must be an integer >= 1 (got 0)');
  });

  it('refuses bad options with SpecError naming the spec path', () => {
    expect(() => createSampler({ type: 'tpe', seed: 1, n_ei_candidates: 0 })).toThrow(SpecError);
    expect(() => createSampler({ type: 'tpe', seed: 1, n_ei_candidates: 0 })).toThrow('sampler.n_ei_candidates: must be an integer >= 1 (got 0)');
    expect(() => createSampler({ type: 'random', seed: 0.5 })).toThrow('sampler.seed: must be an integer (got 0.5)');
  });
});
