import type { RandomSource } from '../../random.js';
import type { ParamValue } from '../../search-space/distributions.js';
import { isActive, type SearchSpace } from '../../search-space/search-space.js';
import { sampleUniform } from '../random.js';
import { decodeValue, inactiveCoordinate, randomCoordinate, type GpDimension } from './gp-dimension.js';

/** How the GP's dimensions sit in a (possibly conditional) search space. */
export interface SpaceLayout {
  readonly space: SearchSpace;
  /** Per param in space order: its GP dimension's index, or −1 for a param with nothing to model. */
  readonly dimensionOf: readonly number[];
  /** Per param in space order: the one value of a param with nothing to model (unused for the others). */
  readonly constants: readonly ParamValue[];
  /** 1 where the dimension's value can decide whether another param is active. */
  readonly parent: Uint8Array;
}

/** The layout of `dimensions` (from gpDimension, in space order) in `space`. */
export function spaceLayout(space: SearchSpace, dimensions: readonly GpDimension[]): SpaceLayout {
  const index = new Map(dimensions.map((dimension, d) => [dimension.name, d]));
  const parents = new Set(space.params.flatMap((definition) => Object.keys(definition.when ?? {})));
  return {
    space,
    dimensionOf: space.params.map((definition) => index.get(definition.name) ?? -1),
    // A param the GP does not model has a single value (fixed, one choice, a one-value range).
    constants: space.params.map((definition) => sampleUniform(definition.distribution, () => 0)),
    parent: Uint8Array.from(dimensions, (dimension) => (parents.has(dimension.name) ? 1 : 0)),
  };
}

/**
 * Makes `point` (normalized coordinates, one per dimension) legal in place by walking the space in
 * order, as assignInOrder does: an active param keeps its coordinate if `wasActive` marks it
 * (undefined: none), else gets a random one; an inactive param gets its imputed coordinate
 * (inactiveCoordinate). A point made this way decodes to exactly the active params.
 * @returns the point's active dimensions (1 = active).
 */
export function settle(
  layout: SpaceLayout,
  dimensions: readonly GpDimension[],
  point: Float64Array,
  wasActive: Uint8Array | undefined,
  random: RandomSource,
): Uint8Array {
  const active = new Uint8Array(dimensions.length);
  const assigned: Record<string, ParamValue> = {};
  layout.space.params.forEach((definition, i) => {
    const d = layout.dimensionOf[i] as number;
    const dimension = dimensions[d];
    if (!isActive(definition, assigned)) {
      if (dimension !== undefined) point[d] = inactiveCoordinate(dimension);
      return;
    }
    if (dimension === undefined) {
      assigned[definition.name] = layout.constants[i] as ParamValue;
      return;
    }
    if (wasActive?.[d] !== 1) point[d] = randomCoordinate(dimension, random);
    active[d] = 1;
    assigned[definition.name] = decodeValue(dimension, point[d] as number);
  });
  return active;
}
