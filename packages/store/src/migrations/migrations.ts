import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import type { Migration } from './migration.js';

/** Every schema step in order; append only (a released step is never edited or removed). */
export const MIGRATIONS: readonly Migration[] = [initialSchema, metricsByTrialStep];

/** The schema version this code writes and reads (`PRAGMA user_version`). */
export const SCHEMA_VERSION: number = MIGRATIONS.length;
