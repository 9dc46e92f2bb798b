import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError } from '../errors.js';
import { parseCsvRows } from './csv-rows.js';
import { describeColumns } from './describe-columns.js';
import { parseJsonlRows } from './jsonl-rows.js';
import { buildTextDataset } from './text-dataset.js';
import type { TabularRow } from './tabular-row.js';
import type { TextSplitOptions } from './text-dataset.js';
import type { TextDataset } from './types.js';

export type TextFileOptions = TextSplitOptions & {
  readonly path: string;
  readonly format: 'csv' | 'jsonl';
  /** Default 'text'. */
  readonly textColumn?: string;
  /** Default 'label'. */
  readonly labelColumn?: string;
  /** CSV field delimiter. Default ','. */
  readonly delimiter?: string;
};

/**
 * Loads labelled texts from a CSV file (header row, columns by name) or a JSONL file (one object
 * per line). Labels may be any strings or numbers; the class names are the distinct labels sorted
 * (numerically when all are numbers, else by code unit) and each example's label is the index of
 * its class name. Any number of classes from 2 up. The dataset is named after the file's base name.
 *
 * @throws DatasetError when the file is missing or unreadable, malformed, has no rows, lacks the
 *   text or label column (the columns found are listed), has an empty text or label (the line is
 *   named), has a single class (it is named), or when limit / split options are invalid.
 */
export async function loadTextFile(options: TextFileOptions): Promise<TextDataset> {
  const { path, format } = options;
  const textColumn = options.textColumn ?? 'text';
  const labelColumn = options.labelColumn ?? 'label';
  const content = await readTextFile(path);
  const rows = format === 'csv' ? parseCsvRows(content, path, options.delimiter) : parseJsonlRows(content, path);
  if (rows.length === 0) {
    throw new DatasetError(`${path} has no ${format === 'csv' ? 'data rows below the header' : 'JSON lines'}; add at least one example per class`);
  }
  const texts: string[] = [];
  const rawLabels: string[] = [];
  for (const row of rows) {
    texts.push(textOf(row, textColumn, path));
    rawLabels.push(labelOf(row, labelColumn, path));
  }
  const classNames = sortClassNames(new Set(rawLabels));
  if (classNames.length < 2) {
    throw new DatasetError(
      `${path} has a single class "${classNames[0] ?? ''}" in column "${labelColumn}"; a classifier needs at least 2 classes, so add examples of another class`,
    );
  }
  const index = new Map(classNames.map((name, i) => [name, i]));
  const labels = rawLabels.map((label) => index.get(label) as number);
  return buildTextDataset(basename(path), classNames, texts, labels, options);
}

async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(error)})`;
    throw new DatasetError(`dataset file ${path} ${reason}; check the path (relative paths resolve from ${process.cwd()})`, { cause: error });
  }
}

/** The option that names each column, as a spec writes it and as loadDataset takes it. */
const COLUMN_OPTION = { text: 'text_column (textColumn in loadDataset)', label: 'label_column (labelColumn in loadDataset)' } as const;

function cell(row: TabularRow, column: string, path: string, role: keyof typeof COLUMN_OPTION): unknown {
  if (!Object.hasOwn(row.values, column)) {
    throw new DatasetError(
      `${path} line ${row.line} has no column "${column}"; columns found: ${describeColumns(row.columns)}. Set ${COLUMN_OPTION[role]} to the column that holds the ${role}`,
    );
  }
  return row.values[column];
}

function textOf(row: TabularRow, column: string, path: string): string {
  const value = cell(row, column, path, 'text');
  if (typeof value !== 'string') {
    throw new DatasetError(`${path} line ${row.line}: column "${column}" must hold text, got ${JSON.stringify(value) ?? String(value)}`);
  }
  if (value.trim() === '') {
    throw new DatasetError(`${path} line ${row.line}: column "${column}" has empty text; remove the row or fill in its text`);
  }
  return value;
}

function labelOf(row: TabularRow, column: string, path: string): string {
  const value = cell(row, column, path, 'label');
  const label = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (label === undefined || label === '') {
    throw new DatasetError(
      `${path} line ${row.line}: column "${column}" must hold a non-empty string or number label, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return label;
}

/** Numeric order when every label is a number ("2" before "10"), else code-unit order (locale-free, so the same everywhere). */
function sortClassNames(labels: ReadonlySet<string>): string[] {
  const names = [...labels];
  if (names.every((name) => Number.isFinite(Number(name)))) {
    return names.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
