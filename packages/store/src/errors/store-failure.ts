import { StoreError } from '@loopsweep/core';

/** Hints for the driver errors a user can act on, keyed by SQLite's (extended) result code prefix. */
const HINTS: ReadonlyArray<readonly [prefix: string, hint: string]> = [
  ['SQLITE_BUSY', 'the database is locked by another writer; only one `sweep run` may write a database at a time'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_READONLY', 'the database file or its directory is read-only'],
  ['SQLITE_CORRUPT', 'the database file is damaged'],
  ['SQLITE_NOTADB', 'the file is not a SQLite database'],
  ['SQLITE_IOERR', 'the disk reported an I/O error'],
];

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The driver's message plus, for errors a user can fix, what it means. */
export function describeDriverError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  const hint = code === undefined ? undefined : HINTS.find(([prefix]) => code.startsWith(prefix))?.[1];
  return hint === undefined ? message : `${message} (${hint})`;
}

/** Whether the driver said the file is not a database at all. */
export function isNotADatabase(error: unknown): boolean {
  return codeOf(error) === 'SQLITE_NOTADB';
}

/**
 * Translates a driver error at the store's boundary (as Optuna's `StorageInternalError from e`):
 * a StoreError naming the operation and the file, with the original as `cause`. A StoreError
 * (a refusal the store raised itself) passes through untouched.
 */
export function storeFailure(operation: string, path: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(`${operation} failed on ${path}: ${describeDriverError(error)}`, { cause: error });
}

/**
 * Runs `body`, translating whatever the driver throws into a StoreError.
 * @throws {StoreError} see storeFailure.
 */
export function guarded<T>(operation: string, path: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw storeFailure(operation, path, error);
  }
}
