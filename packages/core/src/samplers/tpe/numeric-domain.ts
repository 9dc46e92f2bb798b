import { logGridEdges, snapToGrid, type NumericDistribution } from '../step-grid.js';

/**
 * The continuous interval TPE models a numeric param in: log space for log params, so a kernel's
 * width is relative (lr 1e-4 and 1e-2 are as far apart as 1e-3 and 1e-1); for ints and stepped
 * floats the range widened by half a step, so every grid point owns a cell of equal width (in
 * log space for log ints) and the end points are not underweighted.
 */
export interface NumericDomain {
  readonly low: number;
  readonly high: number;
  /** A legal value's position in the interval. */
  toInternal(value: number): number;
  /** The legal value at (or nearest to) an interval position: rounded to the grid, clamped. */
  toValue(x: number): number;
  /**
   * Half a grid step for a param on a linear grid (an int, a stepped float), whose candidates are
   * scored by the mass of their cell, not the density at the point (as Optuna's q does);
   * undefined for a continuous param and for a log int (Optuna scores those by density in log space).
   */
  readonly halfCell?: number;
}

export function numericDomain(distribution: NumericDistribution): NumericDomain {
  const { low, high, step } = distribution;
  const clamp = (value: number): number => Math.min(Math.max(value, low), high);
  // A stepped float is never log (see Distribution); a log int is log on its grid's cell edges.
  if (step !== undefined && distribution.kind === 'int' && distribution.log) {
    const [lowEdge, highEdge] = logGridEdges(distribution, step);
    return { low: Math.log(lowEdge), high: Math.log(highEdge), toInternal: Math.log, toValue: (x) => snapToGrid(distribution, step, Math.exp(x)) };
  }
  if (step !== undefined) {
    return { low: low - step / 2, high: high + step / 2, toInternal: (value) => value, toValue: (x) => snapToGrid(distribution, step, x), halfCell: step / 2 };
  }
  if (distribution.log) return { low: Math.log(low), high: Math.log(high), toInternal: Math.log, toValue: (x) => clamp(Math.exp(x)) };
  return { low, high, toInternal: (value) => value, toValue: clamp };
}
