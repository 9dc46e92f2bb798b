import type { Distribution, ParamValue, Params } from './distributions.js';

/**
 * `when: { optimizer: momentum }` or `when: { clip: [value, global_norm] }`: the parameter exists
 * only in trials where every named parent is active and has one of the listed values.
 */
export type Condition = Readonly<Record<string, readonly ParamValue[]>>;

export interface ParamDefinition {
  readonly name: string;
  readonly distribution: Distribution;
  readonly when?: Condition;
}

/**
 * The parameters of a sweep, ordered so that every parent comes before the parameters that
 * depend on it (the spec's order where it allows). Built and validated by `parseSweepSpec` or
 * `createSearchSpace`; samplers can rely on: no cycles, conditions name earlier params only, every
 * condition value is a legal value of its parent.
 */
export interface SearchSpace {
  readonly params: readonly ParamDefinition[];
}

/** Whether `definition` takes part in a trial whose earlier params are `assigned`. */
export function isActive(definition: ParamDefinition, assigned: Params): boolean {
  if (!definition.when) return true;
  return Object.entries(definition.when).every(([parent, values]) => parent in assigned && values.includes(assigned[parent] as ParamValue));
}

/**
 * Assigns params in order, asking `choose` only for the active ones: the one way every sampler
 * walks a conditional space.
 */
export function assignInOrder(space: SearchSpace, choose: (definition: ParamDefinition, assigned: Params) => ParamValue): Params {
  const assigned: Record<string, ParamValue> = {};
  for (const definition of space.params) {
    if (isActive(definition, assigned)) assigned[definition.name] = choose(definition, assigned);
  }
  return assigned;
}
