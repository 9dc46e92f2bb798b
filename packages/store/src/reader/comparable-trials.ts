import type { ComparableTrial } from '@loopsweep/core';
import type { TrialRow } from './types.js';

/**
 * Stored trials in the shape core's compareStrategies takes: each row with its learning curve of
 * the compared metric. `sweep compare`, the dashboard's strategy view and their tests all build
 * the comparison from this one mapping, so they cannot disagree on what a trial contributes.
 *
 * @param curves per trial number, `[step, value]` in step order (SweepReader.learningCurves).
 */
export function comparableTrials(rows: readonly TrialRow[], curves: ReadonlyMap<number, readonly (readonly [number, number])[]>): ComparableTrial[] {
  return rows.map((row) => ({
    number: row.number,
    state: row.state,
    params: row.params,
    ...(row.value !== undefined ? { value: row.value } : {}),
    intermediate: new Map(curves.get(row.number) ?? []),
    ...(row.failureReason !== undefined ? { failureReason: row.failureReason } : {}),
  }));
}
