import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '@loopsweep/core';
import { describeDriverError, isNotADatabase } from '../errors/store-failure.js';
import { migrate } from '../migrations/migrate.js';
import { readSchemaVersion } from '../migrations/schema-version.js';

/** How long a statement waits for a lock before SQLITE_BUSY (DESIGN.md: busy_timeout). */
export const BUSY_TIMEOUT_MS = 5000;

function cannotCreate(path: string, error: unknown): StoreError {
  return new StoreError(`cannot create ${path}: ${describeDriverError(error)}; pass --db with a writable path`, { cause: error });
}

/**
 * Opens (creating it and its missing parent directories) the database the one writer uses, on
 * the newest schema, with WAL so readers never block it and synchronous=NORMAL so a commit costs
 * no fsync of the main file (in WAL mode a power loss may drop the last commits but never
 * corrupts the file).
 *
 * @throws {StoreError} when the path cannot be created or written ("cannot create <path>: …"),
 *   when the file is not a SQLite database, when a newer loopsweep wrote it, or when a migration fails.
 */
export function openWritable(path: string): Database.Database {
  let db: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw cannotCreate(path, error);
  }
  try {
    // Read before anything writes: a foreign file must be refused untouched.
    readSchemaVersion(db);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isNotADatabase(error))
      throw new StoreError(`${path} is not a loopsweep database (${describeDriverError(error)}); pass --db with another path`, { cause: error });
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') throw cannotCreate(path, error);
    throw new StoreError(`opening ${path} failed: ${describeDriverError(error)}`, { cause: error });
  }
}
