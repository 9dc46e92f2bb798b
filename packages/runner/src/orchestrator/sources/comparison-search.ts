/**
 * The search stage of a comparison (`compare:` in the spec): one sub-study per value of
 * `compare.by`, that value fixed and the other parameters searched by the spec's sampler, each with
 * its own history and seed and the same budget (`trials_per_value`). The values take turns, so all
 * progress together and a sweep stopped early has searched them equally.
 */
import {
  SEARCH_STAGE,
  createSampler,
  mixSeed,
  specSamplerChoice,
  type CompareSpec,
  type FrozenTrial,
  type ParamValue,
  type Sampler,
  type SearchSpace,
  type SweepSpec,
} from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

interface SubStudy {
  readonly value: ParamValue;
  readonly space: SearchSpace;
  readonly sampler: Sampler;
}

export class ComparisonSearch implements TrialSource {
  readonly name = 'comparison search';
  readonly #compare: CompareSpec;
  readonly #subStudies: readonly SubStudy[];

  /** @throws {RangeError} when the spec has no compare block, or `compare.by` is not categorical (validation refuses both). */
  constructor(spec: SweepSpec) {
    const compare = spec.compare;
    if (!compare) throw new RangeError('ComparisonSearch needs a spec with a compare block');
    const values = comparedValues(spec);
    // `auto` chooses once for all values: each sub-study searches the same space with the same budget.
    const chosen = specSamplerChoice(spec).config;
    this.#compare = compare;
    this.#subStudies = values.map((value, index) => ({
      value,
      // The compared parameter fixed; conditions on it still hold (a fixed value is a value).
      space: { params: spec.space.params.map((p) => (p.name === compare.by ? { ...p, distribution: { kind: 'fixed', value } } : p)) },
      // Each value's own seed: the sub-studies do not share a random stream.
      sampler: createSampler({ ...chosen, seed: mixSeed(spec.sampler.seed, index + 1) }),
    }));
  }

  next(context: SourceContext): FrozenTrial | undefined {
    const { study, spec, transitions } = context;
    const histories = this.#histories(study.trials);
    // The value with the fewest trials goes next (ties: the spec's order).
    let turn: number | undefined;
    histories.forEach((history, i) => {
      if (history.length < this.#compare.trials_per_value && (turn === undefined || history.length < (histories[turn] as FrozenTrial[]).length)) turn = i;
    });
    if (turn === undefined) return undefined;
    const sub = this.#subStudies[turn] as SubStudy;
    const number = study.trials.length;
    const params = sub.sampler.sample({ space: sub.space, trials: histories[turn] as FrozenTrial[], number, direction: study.direction });
    return transitions.created(study.enqueue(params, { seed: mixSeed(spec.sampler.seed, number) }));
  }

  done(context: SourceContext): boolean {
    return this.#histories(context.study.trials).every((history) => history.length >= this.#compare.trials_per_value);
  }

  /** Each value's search trials, in number order: its sub-study's history. */
  #histories(trials: readonly FrozenTrial[]): FrozenTrial[][] {
    const histories = this.#subStudies.map((): FrozenTrial[] => []);
    for (const trial of trials) {
      if ((trial.stage ?? SEARCH_STAGE) !== SEARCH_STAGE) continue;
      const index = this.#subStudies.findIndex((sub) => sub.value === trial.params[this.#compare.by]);
      if (index >= 0) histories[index]?.push(trial);
    }
    return histories;
  }
}

/** The values of `compare.by`, in the spec's order. */
export function comparedValues(spec: SweepSpec): readonly ParamValue[] {
  const by = spec.compare?.by;
  const definition = spec.space.params.find((p) => p.name === by);
  if (!definition || definition.distribution.kind !== 'categorical') throw new RangeError(`compare.by '${by}' is not a categorical parameter of the spec`);
  return definition.distribution.choices;
}
