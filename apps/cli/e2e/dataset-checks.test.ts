/**
 * Issue 12: a spec's dataset block is checked against what its objective declares, and a csv
 * dataset's file and columns are opened, before anything is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, noopSpec, sweep, withReader, workspace } from './helpers.js';

const ws = workspace('sweep-dataset-e2e-');
afterAll(() => ws.cleanup());

const rnnText = (name: string, dataset: string) =>
  [
    `name: ${name}`,
    'objective: rnn-text',
    `dataset: ${dataset}`,
    'metric: { name: val_accuracy, goal: maximize }',
    'budget: { trials: 2, max_epochs: 1 }',
    'parameters:',
    '  cell: { values: [lstm, gru] }',
  ].join('\n');

beforeAll(() => {
  writeFileSync(path.join(ws.dir, 'd.csv'), 'body,label\nhello there,ham\nwin money now,spam\n');
});

const TYPO = /dataset\.text: unknown key \(did you mean 'text_column'\?\)/;

describe('a dataset block rnn-text does not accept', () => {
  const spec = () => ws.file('typo.yaml', rnnText('typo', '{ name: csv, path: ./d.csv, text: body }'));

  it('sweep validate exits 2 with the path and the key meant', () => {
    const result = sweep(['validate', spec()]);
    expect(result.stderr).toMatch(TYPO);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    const asJson = sweep(['validate', spec(), '--json']);
    expect(asJson.code).toBe(2);
    expect(json(asJson)).toEqual({ ok: false, problems: [{ path: 'dataset.text', message: 'unknown key', hint: "did you mean 'text_column'?" }] });
  });

  it('sweep run exits 2 the same way and creates no database', () => {
    const db = path.join(ws.dir, 'never.db');
    const result = sweep(['run', spec(), '--db', db]);
    expect(result.stderr).toMatch(TYPO);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('sweep run adds no sweep to an existing database', () => {
    expect(sweep(['run', ws.file('first.yaml', noopSpec({ name: 'first', trials: 1 })), '--db', ws.db]).code).toBe(0);
    const result = sweep(['run', spec(), '--db', ws.db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(TYPO);
    expect(withReader(ws.db, (reader) => reader.listSweeps().map((sweep) => sweep.name))).toEqual(['first']);
  });
});

describe('the csv file is opened up front', () => {
  it('a missing column is refused with the columns found', () => {
    const result = sweep(['validate', ws.file('column.yaml', rnnText('column', '{ name: csv, path: ./d.csv, text_column: text_body }'))]);
    expect(result.stderr).toMatch(
      /dataset\.text_column: .*d\.csv has no column "text_body"; columns found: "body", "label" \(set text_column to the column that holds the text\)/,
    );
    expect(result.code).toBe(2);
  });

  it('a csv whose columns are named passes', () => {
    const result = sweep(['validate', ws.file('good.yaml', rnnText('good', '{ name: csv, path: ./d.csv, text_column: body }'))]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ok: good/);
    expect(result.code).toBe(0);
  });
});
