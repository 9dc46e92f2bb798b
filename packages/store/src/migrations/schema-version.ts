import type Database from 'better-sqlite3';
import { StoreError } from '@loopsweep/core';
import { SCHEMA_VERSION } from './migrations.js';

/** The database's schema version (`PRAGMA user_version`; 0 for a new or foreign file). */
export function readSchemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Refuses a database a newer loopsweep wrote: its tables may mean things this code does not know,
 * so neither reading nor writing it is safe, and nothing is changed silently.
 * @param known the newest version this code knows (SCHEMA_VERSION unless a test migrates its own steps).
 * @throws {StoreError} when `version` is above `known`.
 */
export function refuseNewerSchema(path: string, version: number, known: number = SCHEMA_VERSION): void {
  if (version > known) {
    throw new StoreError(`${path} was written by a newer loopsweep (schema ${version}, this one knows ${known}); upgrade loopsweep`);
  }
}

/** Whether the file holds tables of its own although no loopsweep schema was ever applied. */
export function hasForeignTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n > 0;
}
