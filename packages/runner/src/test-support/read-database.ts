import { SweepReader } from '@loopsweep/store';

/** Runs `fn` on a read-only view of the database at `dbPath`, as `sweep status` would see it, and closes it. */
export function readDatabase<T>(dbPath: string, fn: (reader: SweepReader) => T): T {
  const reader = SweepReader.open(dbPath);
  try {
    return fn(reader);
  } finally {
    reader.close();
  }
}
