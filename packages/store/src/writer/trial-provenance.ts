import { SEARCH_STAGE, type FrozenTrial } from '@loopsweep/core';

/** The `trials` columns of a new trial's seed, stage and origin. */
export interface ProvenanceColumns {
  readonly seed: number | null;
  readonly stage: string;
  readonly origin: number | null;
  readonly parent: number | null;
  readonly replaces: number | null;
  readonly start_step: number | null;
  readonly restore_step: number | null;
  readonly max_epochs: number | null;
}

/**
 * The seed, stage and origin columns of `trial`, or the problem with them in words. SQLite would
 * take a fractional seed as REAL and a non-integer origin as anything: a record the Study reads
 * back later must hold what the objective ran with, so the writer refuses what the types allow but
 * the columns cannot mean. Whether `origin` names an existing trial is the caller's (one lookup).
 */
export function provenanceColumns(trial: FrozenTrial): ProvenanceColumns | string {
  const { seed, stage, origin } = trial;
  if (seed !== undefined && !Number.isSafeInteger(seed)) return `seed must be a safe integer (got ${String(seed)})`;
  if (stage !== undefined && (typeof stage !== 'string' || stage.length === 0)) return `stage must be a non-empty string (got ${JSON.stringify(stage)})`;
  if (origin !== undefined && !(Number.isSafeInteger(origin) && origin >= 0 && origin !== trial.number)) {
    return `origin must be the number of another trial (got ${String(origin)})`;
  }
  const { lineage, restoreStep } = trial;
  if (lineage !== undefined) {
    for (const key of ['parent', 'replaces'] as const) {
      const value = lineage[key];
      if (!(Number.isSafeInteger(value) && value >= 0 && value !== trial.number))
        return `lineage.${key} must be the number of another trial (got ${String(value)})`;
    }
    if (!(Number.isSafeInteger(lineage.step) && lineage.step >= 0)) return `lineage.step must be an integer >= 0 (got ${String(lineage.step)})`;
  }
  if (restoreStep !== undefined && !(Number.isSafeInteger(restoreStep) && restoreStep >= 0))
    return `restoreStep must be an integer >= 0 (got ${String(restoreStep)})`;
  const { maxEpochs } = trial;
  if (maxEpochs !== undefined && !(Number.isSafeInteger(maxEpochs) && maxEpochs >= 1)) return `maxEpochs must be an integer >= 1 (got ${String(maxEpochs)})`;
  return {
    seed: seed ?? null,
    stage: stage ?? SEARCH_STAGE,
    origin: origin ?? null,
    parent: lineage?.parent ?? null,
    replaces: lineage?.replaces ?? null,
    start_step: lineage?.step ?? null,
    restore_step: restoreStep ?? null,
    max_epochs: maxEpochs ?? null,
  };
}
