import { chooseSampler, type SamplerChoice } from '../samplers/choose-sampler.js';
import type { SweepSpec } from '../spec/sweep-spec.js';

/**
 * The sampler that proposes a spec's search trials, with the reason when the spec says `auto` (or
 * names none). A comparison's sub-studies each search the space with `compare.by` fixed, for
 * `compare.trials_per_value` trials, so that is what the choice looks at there.
 */
export function specSamplerChoice(spec: SweepSpec): SamplerChoice {
  const compare = spec.compare;
  const pruning = spec.pruner.type !== 'none';
  if (!compare) return chooseSampler(spec.sampler, { space: spec.space, trials: spec.budget.trials, pruning });
  const params = spec.space.params.map((p) =>
    p.name === compare.by && p.distribution.kind === 'categorical'
      ? { ...p, distribution: { kind: 'fixed' as const, value: p.distribution.choices[0] ?? '' } }
      : p,
  );
  return chooseSampler(spec.sampler, { space: { params }, trials: compare.trials_per_value, pruning });
}
