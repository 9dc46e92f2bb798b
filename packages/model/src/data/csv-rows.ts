import { parse } from 'csv-parse/sync';
import { DatasetError } from '../errors.js';
import type { TabularRow } from './tabular-row.js';

/**
 * Parses CSV text whose first row names the columns.
 *
 * @param path only for error messages.
 * @throws DatasetError when the CSV is malformed (unclosed quote, a row with a different number of
 *   fields than the header, a repeated column name…), naming the file and csv-parse's reason.
 */
export function parseCsvRows(content: string, path: string, delimiter = ','): TabularRow[] {
  let columns: string[] = [];
  try {
    const records = parse<{ values: Record<string, string>; line: number }, Record<string, string>>(content, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      columns: (header) => {
        columns = header.map((name) => name.trim());
        return columns;
      },
      // Keep the line of each record so that errors can point at it.
      on_record: (values, context) => ({ values, line: context.lines }),
    });
    return records.map(({ values, line }) => ({ values, line, columns }));
  } catch (error) {
    throw new DatasetError(`cannot parse CSV file ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
