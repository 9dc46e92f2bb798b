import type { RandomSource } from '../random.js';
import { sampleUniform } from '../samplers/random.js';
import { snapToGrid } from '../samplers/step-grid.js';
import { contains, type Distribution, type ParamValue, type Params } from '../search-space/distributions.js';
import { assignInOrder, type SearchSpace } from '../search-space/search-space.js';

export interface ExploreOptions {
  readonly perturb: readonly number[];
  readonly resampleProbability: number;
}

/**
 * PBT's *explore* (Jaderberg et al. 2017, as Ray Tune's PBT): a member's params, each changed a
 * little. With `resampleProbability` a param is drawn afresh from its distribution; otherwise a
 * number is multiplied by one of the `perturb` factors (chosen uniformly) and put back into its
 * range (clipped, then onto its integer or step grid), and a categorical moves to a neighbouring
 * choice (the one before or after it in the spec's list). Fixed params keep their value. In a
 * conditional space the params are walked in order, so a param that becomes active is drawn
 * afresh and one that becomes inactive is dropped.
 */
export function explore(space: SearchSpace, params: Params, random: RandomSource, options: ExploreOptions): Params {
  return assignInOrder(space, (definition) => {
    const current = params[definition.name];
    const { distribution } = definition;
    if (distribution.kind === 'fixed') return distribution.value;
    if (current === undefined || !contains(distribution, current) || random() < options.resampleProbability) return sampleUniform(distribution, random);
    return perturbed(distribution, current, random, options.perturb);
  });
}

function perturbed(distribution: Exclude<Distribution, { kind: 'fixed' }>, value: ParamValue, random: RandomSource, factors: readonly number[]): ParamValue {
  if (distribution.kind === 'categorical') {
    const { choices } = distribution;
    if (choices.length === 1) return value;
    const at = choices.indexOf(value);
    const towards = at === 0 ? 1 : at === choices.length - 1 ? at - 1 : random() < 0.5 ? at - 1 : at + 1;
    return choices[towards] as ParamValue;
  }
  const factor = factors[Math.floor(random() * factors.length)] as number;
  const { low, high } = distribution;
  const scaled = Math.min(Math.max((value as number) * factor, low), high);
  if (distribution.kind === 'int') {
    const snapped = snapToGrid(distribution, distribution.step, scaled);
    // A factor near 1 on a small integer rounds back to it: step once in the factor's direction.
    if (snapped !== value || factor === 1) return snapped;
    const moved = value + (factor > 1 ? distribution.step : -distribution.step);
    return moved >= low && moved <= high ? moved : snapped;
  }
  return distribution.step === undefined ? scaled : snapToGrid(distribution, distribution.step, scaled);
}
