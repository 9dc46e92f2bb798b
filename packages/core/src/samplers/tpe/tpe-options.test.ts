import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors/spec-error.js';
import { resolveTpeOptions } from './tpe-options.js';

describe('resolveTpeOptions', () => {
  it("fills in Optuna's defaults, but 12 EI candidates when univariate", () => {
    expect(resolveTpeOptions({ seed: 3 })).toEqual({
      seed: 3,
      nStartupTrials: 10,
      nEiCandidates: 12,
      gamma: 0.1,
      priorWeight: 1,
      constantLiar: true,
      multivariate: false,
      group: false,
    });
  });

  it('keeps what is given', () => {
    const options = { seed: 1, nStartupTrials: 0, nEiCandidates: 1, gamma: 1, priorWeight: 0.5, constantLiar: false, multivariate: true, group: false };
    expect(resolveTpeOptions(options)).toEqual(options);
  });

  it('models groups by default when multivariate, never when not', () => {
    expect(resolveTpeOptions({ seed: 1, multivariate: true })).toMatchObject({ multivariate: true, group: true, nEiCandidates: 24 });
    expect(resolveTpeOptions({ seed: 1, multivariate: false, group: false })).toMatchObject({ multivariate: false, group: false });
  });

  it.each([
    [{ seed: 1.5 }, 'sampler.seed: must be an integer (got 1.5)'],
    [{ seed: 1, nStartupTrials: -1 }, 'sampler.n_startup_trials: must be an integer >= 0 (got -1)'],
    [{ seed: 1, nEiCandidates: 0 }, 'sampler.n_ei_candidates: must be an integer >= 1 (got 0)'],
    [{ seed: 1, nEiCandidates: 2.5 }, 'sampler.n_ei_candidates: must be an integer >= 1 (got 2.5)'],
    [{ seed: 1, gamma: 0 }, 'sampler.gamma: must be a number > 0 and <= 1 (got 0)'],
    [{ seed: 1, gamma: 1.5 }, 'sampler.gamma: must be a number > 0 and <= 1 (got 1.5)'],
    [{ seed: 1, priorWeight: -1 }, 'sampler.prior_weight: must be a number > 0 (got -1)'],
    [{ seed: 1, priorWeight: Infinity }, 'sampler.prior_weight: must be a number > 0 (got Infinity)'],
    [{ seed: 1, group: true }, 'sampler.group: needs multivariate: true'],
  ])('refuses %o with "%s"', (options, message) => {
    expect(() => resolveTpeOptions(options)).toThrow(SpecError);
    expect(() => resolveTpeOptions(options)).toThrow(message);
  });

  it('lists every bad option at once', () => {
    try {
      resolveTpeOptions({ seed: 1, nStartupTrials: -1, gamma: 2 });
      expect.unreachable();
    } catch (error) {
      expect((error as SpecError).problems.map((p) => p.path)).toEqual(['sampler.n_startup_trials', 'sampler.gamma']);
    }
  });
});
