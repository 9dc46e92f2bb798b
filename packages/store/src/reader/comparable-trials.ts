import type { ComparableTrial, FrozenTrial } from '@loopsweep/core';
import type { TrialRow } from './types.js';

/**
 * A ComparableTrial that also says which seed it ran with, which stage asked for it and which
 * trial it re-runs: a comparison protocol's replicates (stage 'rerun', 'confirm') are told apart
 * from the search by these. Core's ComparableTrial does not pick them (yet); the extra fields
 * pass through compareStrategies untouched.
 */
export type ComparableTrialRow = ComparableTrial & Pick<FrozenTrial, 'seed' | 'stage' | 'origin'>;

/**
 * Stored trials in the shape core's compareStrategies takes: each row with its learning curve of
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
