import { readFile } from 'node:fs/promises';
import { parseCsvRows } from '../data/csv-rows.js';
import { parseJsonlRows } from '../data/jsonl-rows.js';
import type { TabularRow } from '../data/tabular-row.js';
import { DatasetError } from '../errors.js';
import { describeColumns } from '../data/describe-columns.js';
import type { DatasetProblem } from './dataset-problem.js';
import type { TextFileSettings } from './dataset-schema.js';

const COLUMNS = [
  { key: 'text_column', fallback: 'text', holds: 'the text' },
  { key: 'label_column', fallback: 'label', holds: 'the label' },
] as const;

/**
 * Opens a csv or jsonl dataset file and checks what every trial would otherwise fail on: that it
 * can be read and parsed, has rows, and that every row has the text and label columns (the
 * columns found are named). `settings.path` is read as given: resolve it against the spec's
 * folder first.
 *
 * @returns the problems, each at the spec key that fixes it; none when the file is fine.
 */
export async function checkTextFile(settings: TextFileSettings): Promise<DatasetProblem[]> {
  const { path } = settings;
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`;
    return [{ key: 'path', message: `dataset file ${reason}: ${path}`, hint: 'paths are relative to the spec file' }];
  }
  let rows: TabularRow[];
  try {
    rows = settings.name === 'csv' ? parseCsvRows(content, path, settings.delimiter) : parseJsonlRows(content, path);
  } catch (error) {
    if (error instanceof DatasetError) return [{ key: 'path', message: error.message }];
    throw error;
  }
  if (rows.length === 0) {
    return [
      {
        key: 'path',
        message: `${path} has no ${settings.name === 'csv' ? 'data rows below the header' : 'JSON lines'}`,
        hint: 'add at least one example per class',
      },
    ];
  }
  return COLUMNS.flatMap(({ key, fallback, holds }) => {
    const written = settings[key];
    const column = written ?? fallback;
    const row = rows.find((candidate) => !Object.hasOwn(candidate.values, column));
    if (row === undefined) return [];
    // A CSV's rows share the header; a JSONL line has its own keys, so name the line.
    const where = settings.name === 'csv' ? `${path} has no column "${column}"` : `${path} line ${row.line} has no column "${column}"`;
    const why = written === undefined ? ` (the default when ${key} is not set)` : '';
    return [{ key, message: `${where}${why}; columns found: ${describeColumns(row.columns)}`, hint: `set ${key} to the column that holds ${holds}` }];
  });
}
