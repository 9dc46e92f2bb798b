import type { SweepReader } from '../reader/sweep-reader.js';
import { readSweepData } from './sweep-data.js';
import { toCsv } from './to-csv.js';
import { toJson } from './to-json.js';

export type ExportFormat = 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/**
 * A sweep's trials as CSV (one row per trial, see toCsv) or JSON (the record with its spec and
 * every trial with all its metrics, see toJson), read in one snapshot.
 * @throws {StoreError} when there is no sweep of that name, or the database cannot be read.
 * @throws {RangeError} for a format other than 'csv' or 'json'.
 */
export function exportTrials(reader: SweepReader, name: string, format: ExportFormat): string {
  if (!EXPORT_FORMATS.includes(format)) throw new RangeError(`format must be one of ${EXPORT_FORMATS.join(', ')} (got '${String(format)}')`);
  const data = readSweepData(reader, name);
  return format === 'csv' ? toCsv(data) : toJson(data);
}
