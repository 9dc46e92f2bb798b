import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import { trialSeedStageOrigin } from './003-trial-seed-stage-origin.js';
import { trialValues } from './004-trial-values.js';
import { lineageCheckpoints } from './005-lineage-checkpoints.js';
import { trialMaxEpochs } from './006-trial-max-epochs.js';
import type { Migration } from './migration.js';

/** Every schema step in order; append only (a released step is never edited or removed). */
export const MIGRATIONS: readonly Migration[] = [initialSchema, metricsByTrialStep, trialSeedStageOrigin, trialValues, lineageCheckpoints, trialMaxEpochs];

/** The schema version this code writes and reads (`PRAGMA user_version`). */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

/**
 * The oldest schema the read-only API can read as it is. A reader cannot migrate, and refusing a
 * database only because a newer loopsweep would add an index to it would lock users out of their
 * old sweeps (the dashboard, `sweep status`). Raise this only with a migration that changes what
 * the read queries select in a way they cannot read around: schema 3's trial columns (seed, stage,
 * origin) are read around — on an older file the reader selects what those columns mean for old
 * rows (reader/trial-columns.ts) — so schema 1 and 2 stay readable; schema 4's trial_values is
 * read as empty on older files (no sweep there had several objectives), and schema 5's lineage
 * columns as NULL (no trial there had one); schema 6's max_epochs is not read (see
 * 006-trial-max-epochs.ts).
 */
export const OLDEST_READABLE_SCHEMA = 1;
