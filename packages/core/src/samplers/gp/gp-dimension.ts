import type { RandomSource } from '../../random.js';
import type { Distribution, ParamValue } from '../../search-space/distributions.js';
import type { ParamDefinition } from '../../search-space/search-space.js';
import { sampleUniform } from '../random.js';
import { gridSize, gridValue, logGridEdges, snapToGrid, type NumericDistribution } from '../step-grid.js';

/**
 * How one parameter appears to the GP: a coordinate in [0, 1] (log params in log space), or for a
 * categorical the choice's index, compared only for equality by the kernel.
 * - continuous: a float without step; any coordinate is a legal value.
 * - discrete: an int or stepped float. Each grid point owns an equal cell of the coordinate (its
 *   half steps on either side, log-scaled for a log int, as Optuna 4 and our random sampler do), so
 *   the end points are not squeezed against 0 and 1. Proposals snap to the grid.
 */
export type GpDimension = NumericGpDimension | { readonly kind: 'categorical'; readonly name: string; readonly choices: readonly ParamValue[] };

/** A numeric param's view; `low`/`high`: the coordinate's 0 and 1 in (log) value space. */
export interface NumericGpDimension {
  readonly kind: 'continuous' | 'discrete';
  readonly name: string;
  readonly distribution: NumericDistribution;
  readonly low: number;
  readonly high: number;
}

function transform(distribution: NumericDistribution, value: number): number {
  return distribution.log ? Math.log(value) : value;
}

/**
 * The GP's view of a parameter, or undefined when there is nothing to model: a fixed value, a single
 * choice, or a range with one value (the random sampler then supplies it).
 */
export function gpDimension(definition: ParamDefinition): GpDimension | undefined {
  const distribution: Distribution = definition.distribution;
  const name = definition.name;
  switch (distribution.kind) {
    case 'fixed':
      return undefined;
    case 'categorical':
      return distribution.choices.length > 1 ? { kind: 'categorical', name, choices: distribution.choices } : undefined;
    case 'float':
    case 'int': {
      if (distribution.step === undefined) {
        if (!(distribution.high > distribution.low)) return undefined;
        return { kind: 'continuous', name, distribution, low: transform(distribution, distribution.low), high: transform(distribution, distribution.high) };
      }
      const step = distribution.step;
      const size = gridSize(distribution, step);
      if (size < 2) return undefined;
      const [lowEdge, highEdge] = distribution.log
        ? logGridEdges(distribution, step)
        : [distribution.low - step / 2, gridValue(distribution, step, size - 1) + step / 2];
      return { kind: 'discrete', name, distribution, low: transform(distribution, lowEdge), high: transform(distribution, highEdge) };
    }
  }
}

/** The coordinate of `value`, or undefined when the GP cannot place it (a number param holding a string). */
export function encodeValue(dimension: GpDimension, value: ParamValue | undefined): number | undefined {
  if (dimension.kind === 'categorical') {
    // A choice no longer in the space (an edited spec) gets −1: "different from every choice".
    return value === undefined ? undefined : dimension.choices.indexOf(value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (dimension.distribution.log && !(value > 0)) return undefined;
  return (transform(dimension.distribution, value) - dimension.low) / (dimension.high - dimension.low);
}

/**
 * The coordinate of a param in a trial where it is inactive (a conditional param of a branch not
 * taken): a fixed value, so the kernel sees "inactive" the same way in every trial. Numeric params
 * get INACTIVE_NUMERIC, outside [0, 1]; categorical ones INACTIVE_CHOICE, unequal to every choice's
 * index and to −1 (a choice no longer in the space).
 */
export const INACTIVE_NUMERIC = -0.5;
export const INACTIVE_CHOICE = -2;

export function inactiveCoordinate(dimension: GpDimension): number {
  return dimension.kind === 'categorical' ? INACTIVE_CHOICE : INACTIVE_NUMERIC;
}

/** The legal value at coordinate `u` (clamped into the range, snapped to the grid, or the choice). */
export function decodeValue(dimension: GpDimension, u: number): ParamValue {
  if (dimension.kind === 'categorical') return dimension.choices[Math.min(Math.max(Math.round(u), 0), dimension.choices.length - 1)] as ParamValue;
  const { distribution } = dimension;
  const t = dimension.low + Math.min(Math.max(u, 0), 1) * (dimension.high - dimension.low);
  const value = distribution.log ? Math.exp(t) : t;
  if (dimension.kind === 'discrete') return snapToGrid(distribution, distribution.step as number, value);
  return Math.min(Math.max(value, distribution.low), distribution.high);
}

/** The number of values of a discrete or categorical dimension (Infinity for a continuous one). */
export function valueCount(dimension: GpDimension): number {
  if (dimension.kind === 'categorical') return dimension.choices.length;
  if (dimension.kind === 'continuous') return Infinity;
  return gridSize(dimension.distribution, dimension.distribution.step as number);
}

/** Index of the grid point at coordinate `u` of a discrete dimension. */
export function gridIndexAt(dimension: NumericGpDimension, u: number): number {
  const { distribution } = dimension;
  return Math.round(((decodeValue(dimension, u) as number) - distribution.low) / (distribution.step as number));
}

/** The coordinate of grid point k of a discrete dimension (always a legal value's coordinate). */
export function gridCoordinate(dimension: NumericGpDimension, k: number): number {
  return encodeValue(dimension, gridValue(dimension.distribution, dimension.distribution.step as number, k)) as number;
}

/** A coordinate drawn as the random sampler draws the value (uniform in the param's own measure). */
export function randomCoordinate(dimension: GpDimension, random: RandomSource): number {
  if (dimension.kind === 'categorical') return Math.floor(random() * dimension.choices.length);
  if (dimension.kind === 'continuous') return random();
  return encodeValue(dimension, sampleUniform(dimension.distribution, random)) as number;
}
