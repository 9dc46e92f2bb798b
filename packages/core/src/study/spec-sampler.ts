import { chooseSampler, type SamplerChoice } from '../samplers/choose-sampler.js';
import { constraintsOf, isVectorSweep, objectivesOf } from '../spec/objectives.js';
import type { SweepSpec } from '../spec/sweep-spec.js';

/**
 * The sampler that proposes a spec's search trials, with the reason when the spec says `auto` (or
 * names none). A comparison's sub-studies each search the space with `compare.by` fixed, for
 * `compare.trials_per_value` trials, so that is what the choice looks at there.
 */
export function specSamplerChoice(spec: SweepSpec): SamplerChoice {
  if (isVectorSweep(spec)) return vectorSamplerChoice(spec);
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

/**
 * In a multi-objective or constrained sweep `auto` and `tpe` mean multi-objective TPE (with c-TPE
 * for constraints): it found larger fronts than NSGA-II at 200 trials on every benchmark problem
 * (README "Multi-objective search quality"), and NSGA-II's first generation alone is 50 random trials.
 */
function vectorSamplerChoice(spec: SweepSpec): SamplerChoice {
  const config = spec.sampler;
  const objectives = objectivesOf(spec).length;
  const constraints = constraintsOf(spec).length;
  const what = `${objectives} objective${objectives === 1 ? '' : 's'}${constraints === 0 ? '' : `, ${constraints} constraint${constraints === 1 ? '' : 's'}`}`;
  switch (config.type) {
    case 'auto':
      return { config: { type: 'motpe', seed: config.seed }, reason: `multi-objective TPE: ${what}` };
    case 'tpe': {
      const { type: _type, multivariate: _multivariate, group: _group, ...options } = config;
      return { config: { type: 'motpe', ...options }, reason: '' };
    }
    default:
      return { config, reason: '' };
  }
}
