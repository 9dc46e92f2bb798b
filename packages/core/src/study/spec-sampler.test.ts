import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../spec/parse-sweep-spec.js';
import { specSamplerChoice } from './spec-sampler.js';

const spec = (extra: string) =>
  parseSweepSpec(`
name: choice
objective: noop
metric: { name: loss, goal: minimize }
parameters:
  optimizer: { values: [adam, rmsprop, sgd] }
  lr: { log_uniform: [1.0e-4, 1.0e-1] }
  dropout: { uniform: [0, 0.5] }
${extra}
`);

describe('specSamplerChoice', () => {
  it('is auto when the spec names no sampler, and judges the whole space and budget', () => {
    const choice = specSamplerChoice(spec('budget: { trials: 60 }'));
    expect(choice.config).toEqual({ type: 'gp', seed: 0 });
    expect(choice.reason).toContain('3 parameters, 1 categorical');
  });

  it('keeps a named sampler as it is', () => {
    expect(specSamplerChoice(spec('budget: { trials: 60 }\nsampler: { type: random, seed: 4 }'))).toEqual({ config: { type: 'random', seed: 4 }, reason: '' });
  });

  it("judges a comparison's sub-study: compare.by fixed, trials_per_value trials", () => {
    const choice = specSamplerChoice(spec('compare: { by: optimizer, trials_per_value: 300, confirm: { seeds: 3 } }'));
    expect(choice.config.type).toBe('tpe');
    expect(choice.reason).toContain('a budget of 300 trials');
    const small = specSamplerChoice(spec('compare: { by: optimizer, trials_per_value: 20, confirm: { seeds: 3 } }'));
    expect(small.reason).toContain('2 parameters, 0 categorical');
  });

  it('prefers TPE when a pruner stops trials', () => {
    expect(specSamplerChoice(spec('budget: { trials: 60, max_epochs: 9 }\npruner: { type: asha }')).config.type).toBe('tpe');
  });
});
