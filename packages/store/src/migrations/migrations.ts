import { initialSchema } from './001-initial-schema.js';
import type { Migration } from './migration.js';

/** Every schema step in order; append only (a released step is never edited or removed). */
export const MIGRATIONS: readonly Migration[] = [initialSchema];

/** The schema version this code writes and reads (`PRAGMA user_version`). */
export const SCHEMA_VERSION: number = MIGRATIONS.length;
