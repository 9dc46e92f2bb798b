import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** The database a command uses: --db, else $LOOPSWEEP_DB, else ./loopsweep.db. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['LOOPSWEEP_DB'] || './loopsweep.db';
}

/**
 * For commands that only read or continue an existing database: refuses a path with no file,
 * so a typo never creates an empty database.
 * @throws {UsageError}
 */
export function existingDb(db: string): string {
  if (!existsSync(db)) {
    throw new UsageError(
      `no database at ${db} (${path.resolve(db)})`,
      'start a sweep with `sweep run <spec>`, or point --db (or LOOPSWEEP_DB) at an existing database',
    );
  }
  return db;
}
