import { DatasetError } from '../errors.js';
import type { TabularRow } from './tabular-row.js';

/**
 * Parses JSON Lines: one JSON object per line; blank lines are skipped.
 *
 * @param path only for error messages.
 * @throws DatasetError naming the line number when a line is not valid JSON or not an object.
 */
export function parseJsonlRows(content: string, path: string): TabularRow[] {
  const rows: TabularRow[] = [];
  // A byte-order mark would make the first line invalid JSON.
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new DatasetError(
          `${path} line ${line} is not valid JSON (${error instanceof Error ? error.message : String(error)}); each line must hold one JSON object`,
          { cause: error },
        );
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new DatasetError(
          `${path} line ${line} holds ${Array.isArray(value) ? 'an array' : String(value)}, not a JSON object; each line must hold one object such as {"text": "…", "label": "…"}`,
        );
      }
      const values = value as Record<string, unknown>;
      rows.push({ line, values, columns: Object.keys(values) });
    });
  return rows;
}
