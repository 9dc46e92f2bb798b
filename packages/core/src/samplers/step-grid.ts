import type { Distribution } from '../search-space/distributions.js';

/** A distribution with a numeric range. */
export type NumericDistribution = Extract<Distribution, { kind: 'float' | 'int' }>;

/**
 * How many grid points low + k·step lie in [low, high]. The same formula as `enumerate`, so the
 * grid, random and TPE samplers agree on which values exist.
 */
export function gridSize(distribution: NumericDistribution, step: number): number {
  return Math.floor((distribution.high - distribution.low) / step + 1e-9) + 1;
}

/**
 * The k-th grid point, computed from low (never accumulated) and, for floats, rounded to 15
 * significant digits exactly as `enumerate` does, so `0.1 + 2·0.1` comes out as 0.3 everywhere.
 */
export function gridValue(distribution: NumericDistribution, step: number, k: number): number {
  const value = distribution.low + k * step;
  return distribution.kind === 'int' ? value : Number(value.toPrecision(15));
}

/** The grid point nearest to `x`; values outside [low, high] go to the end points. */
export function snapToGrid(distribution: NumericDistribution, step: number, x: number): number {
  const k = Math.round((x - distribution.low) / step);
  return gridValue(distribution, step, Math.min(Math.max(k, 0), gridSize(distribution, step) - 1));
}

/**
 * The edges of a log-scaled int grid: each point owns the half steps on either side, so a value
 * drawn log-uniformly between the edges and rounded gives each point the log-width of its cell.
 * The lower edge is kept at or above low/2 so its log stays finite when step ≥ 2·low.
 */
export function logGridEdges(distribution: NumericDistribution, step: number): readonly [number, number] {
  return [Math.max(distribution.low - step / 2, distribution.low / 2), distribution.high + step / 2];
}
