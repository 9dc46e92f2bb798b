import { SEARCH_STAGE } from '@loopsweep/core';

/** The schema (migration 3) that gave `trials` its seed, stage and origin columns. */
export const TRIAL_SEED_SCHEMA = 3;

/** What a reader selects for the trial columns that not every readable schema has. */
export interface TrialColumnExpressions {
  /** NULL where the seed was not stored (then it is derived: core's trialSeed). */
  readonly seed: string;
  readonly stage: string;
  readonly origin: string;
  /** Schema 5: population-based training's lineage (NULL before). */
  readonly lineage: string;
}

/** The schema (migration 5) that gave `trials` their lineage columns. */
export const TRIAL_LINEAGE_SCHEMA = 5;

const LINEAGE = 't.parent AS parent, t.replaces AS replaces, t.start_step AS start_step';
const NO_LINEAGE = 'NULL AS parent, NULL AS replaces, NULL AS start_step';

const STORED: Omit<TrialColumnExpressions, 'lineage'> = { seed: 't.seed', stage: 't.stage', origin: 't.origin' };
// A reader cannot migrate (it opens read-only), so on an older file it selects what the columns
// mean for every row written before them: no stored seed, the sampler's stage, no origin. The
// literal is fixed text from core, never input.
const BEFORE: Omit<TrialColumnExpressions, 'lineage'> = { seed: 'NULL', stage: `'${SEARCH_STAGE}'`, origin: 'NULL' };

/** The expressions for a database of `schema` (its `user_version`), over `trials t`. */
export function trialColumnExpressions(schema: number): TrialColumnExpressions {
  return { ...(schema >= TRIAL_SEED_SCHEMA ? STORED : BEFORE), lineage: schema >= TRIAL_LINEAGE_SCHEMA ? LINEAGE : NO_LINEAGE };
}

/** The schema (migration 6) that gave `trials` their own epoch limit (`max_epochs`). */
export const TRIAL_MAX_EPOCHS_SCHEMA = 6;

/**
 * The WHERE term (with its AND) that leaves out trials that stopped at their own epoch limit (a
 * replayed schedule's segments: their value is one taken mid-training) from a sweep's best; none
 * before schema 6, where no trial had one.
 */
export function trainedToTheEnd(schema: number): string {
  return schema >= TRIAL_MAX_EPOCHS_SCHEMA ? ' AND max_epochs IS NULL' : '';
}
