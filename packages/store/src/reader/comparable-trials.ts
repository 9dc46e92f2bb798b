import type { ComparableTrial } from '@loopsweep/core';
import type { TrialRow } from './types.js';

/** Core's ComparableTrial: with its seed, stage and origin, which tell a protocol's replicates (stage 'confirm') from the search. */
export type ComparableTrialRow = ComparableTrial;

/**
 * Stored trials in the shape core's judgeStrategies takes: each row with its learning curve of
 * the compared metric. `sweep compare`, the dashboard's strategy view and their tests all build
 * the comparison from this one mapping, so they cannot disagree on what a trial contributes.
 *
 * @param rows as SweepReader returns them (seed and stage always set; see TrialRow).
 * @param curves per trial number, `[step, value]` in step order (SweepReader.learningCurves).
 */
export function comparableTrials(rows: readonly TrialRow[], curves: ReadonlyMap<number, readonly (readonly [number, number])[]>): ComparableTrialRow[] {
  return rows.map((row) => ({
    number: row.number,
    state: row.state,
    params: row.params,
    ...(row.value !== undefined ? { value: row.value } : {}),
    intermediate: new Map(curves.get(row.number) ?? []),
    ...(row.failureReason !== undefined ? { failureReason: row.failureReason } : {}),
    ...(row.seed !== undefined ? { seed: row.seed } : {}),
    ...(row.stage !== undefined ? { stage: row.stage } : {}),
    ...(row.origin !== undefined ? { origin: row.origin } : {}),
  }));
}
