import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import type { Migration } from './migration.js';

/** Every schema step in order; append only (a released step is never edited or removed). */
export const MIGRATIONS: readonly Migration[] = [initialSchema, metricsByTrialStep];

/** The schema version this code writes and reads (`PRAGMA user_version`). */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

/**
 * The oldest schema the read-only API can read as it is. A reader cannot migrate, and refusing a
 * database only because a newer loopsweep would add an index to it would lock users out of their
 * old sweeps (the dashboard, `sweep status`). Raise this only with a migration that changes what
 * the read queries select.
 */
export const OLDEST_READABLE_SCHEMA = 1;
