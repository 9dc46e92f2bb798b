import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '@loopsweep/core';
import { describeDriverError, isNotADatabase } from '../errors/store-failure.js';
import { OLDEST_READABLE_SCHEMA } from '../migrations/migrations.js';
import { readSchemaVersion, refuseNewerSchema } from '../migrations/schema-version.js';
import { BUSY_TIMEOUT_MS } from '../sqlite/open-writable.js';

function noDatabase(path: string, cause?: unknown): StoreError {
  return new StoreError(`no database at ${path}; run \`sweep run <spec>\` first or pass --db`, cause === undefined ? undefined : { cause });
}

/**
 * Opens an existing database read-only, as the dashboard and `sweep status` do while a sweep
 * writes it: in WAL mode a reader sees the last commit and neither blocks the writer nor waits
 * for it (busy_timeout covers the short moments a checkpoint holds a lock).
 *
 * @throws {StoreError} "no database at <path>; …" when there is no file; when the file is not a
 *   loopsweep database; when a newer loopsweep wrote it; when one older than OLDEST_READABLE_SCHEMA
 *   did (a reader cannot migrate: the next writing command upgrades it). A schema between that
 *   and the newest is read as it is; the next writing command upgrades it.
 */
export function openReadOnly(path: string): Database.Database {
  if (!existsSync(path)) throw noDatabase(path);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw noDatabase(path, error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = readSchemaVersion(db);
    refuseNewerSchema(path, version);
    if (version === 0)
      throw new StoreError(`${path} is not a loopsweep database (it has no loopsweep schema); pass --db with the database \`sweep run\` wrote`);
    if (version < OLDEST_READABLE_SCHEMA) {
      throw new StoreError(
        `${path} has schema ${version}, older than this loopsweep reads (${OLDEST_READABLE_SCHEMA}); run \`sweep resume\` on it once to upgrade it`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isNotADatabase(error))
      throw new StoreError(`${path} is not a loopsweep database (${describeDriverError(error)}); pass --db with the database \`sweep run\` wrote`, {
        cause: error,
      });
    throw new StoreError(`opening ${path} failed: ${describeDriverError(error)}`, { cause: error });
  }
}
