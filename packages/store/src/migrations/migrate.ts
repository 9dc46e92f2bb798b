import type Database from 'better-sqlite3';
import { StoreError } from '@loopsweep/core';
import { describeDriverError } from '../errors/store-failure.js';
import type { Migration } from './migration.js';
import { MIGRATIONS } from './migrations.js';
import { hasForeignTables, readSchemaVersion, refuseNewerSchema } from './schema-version.js';

/**
 * Brings the database forward to the newest schema, one step per transaction, each step setting
 * `user_version` in the same transaction so a crash leaves the file at a whole version.
 *
 * @param steps the migrations to apply; the released list unless a test passes its own.
 * @returns the version the database had before.
 * @throws {StoreError} when the file was written by a newer loopsweep, when it is a SQLite file
 *   that holds other tables but no loopsweep schema, or when a step fails (the message names it).
 */
export function migrate(db: Database.Database, path: string, steps: readonly Migration[] = MIGRATIONS): number {
  const before = readSchemaVersion(db);
  refuseNewerSchema(path, before, steps.at(-1)?.version ?? 0);
  if (before === 0 && hasForeignTables(db)) {
    throw new StoreError(`${path} is a SQLite database but not a loopsweep one (it has other tables); pass --db with another path`);
  }
  for (const step of steps) {
    if (step.version <= before) continue;
    try {
      db.transaction(() => {
        db.exec(step.sql);
        // PRAGMA takes no bound parameters; the version is an integer from our own list.
        db.pragma(`user_version = ${Math.trunc(step.version)}`);
      }).immediate();
    } catch (error) {
      throw new StoreError(`cannot upgrade ${path} to schema ${step.version} (${step.description}): ${describeDriverError(error)}`, { cause: error });
    }
  }
  return before;
}
