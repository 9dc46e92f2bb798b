import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempFiles } from '../test-support/temp-files.js';
import { checkDatasetSettings } from './check-dataset-settings.js';

const { dir, write } = useTempFiles('loopsweep-dataset-check-');

describe('checkDatasetSettings on real files', () => {
  test('a csv with its columns passes', async () => {
    const path = await write('ok.csv', 'body,label\nhello there,ham\nwin money,spam\n');
    expect(await checkDatasetSettings({ name: 'csv', path, text_column: 'body' })).toEqual([]);
  });

  test('a missing csv column is named at its key, with the columns found', async () => {
    const path = await write('cols.csv', 'body,category\nhello there,ham\n');
    expect(await checkDatasetSettings({ name: 'csv', path, text_column: 'text_body', label_column: 'category' })).toEqual([
      {
        key: 'text_column',
        message: `${path} has no column "text_body"; columns found: "body", "category"`,
        hint: 'set text_column to the column that holds the text',
      },
    ]);
    expect(await checkDatasetSettings({ name: 'csv', path })).toEqual([
      {
        key: 'text_column',
        message: `${path} has no column "text" (the default when text_column is not set); columns found: "body", "category"`,
        hint: 'set text_column to the column that holds the text',
      },
      {
        key: 'label_column',
        message: `${path} has no column "label" (the default when label_column is not set); columns found: "body", "category"`,
        hint: 'set label_column to the column that holds the label',
      },
    ]);
  });

  test('the csv delimiter is used to read the header', async () => {
    const path = await write('semi.csv', 'text;label\nhello;ham\n');
    expect(await checkDatasetSettings({ name: 'csv', path, delimiter: ';' })).toEqual([]);
    expect((await checkDatasetSettings({ name: 'csv', path })).map((problem) => problem.message)).toEqual([
      `${path} has no column "text" (the default when text_column is not set); columns found: "text;label"`,
      `${path} has no column "label" (the default when label_column is not set); columns found: "text;label"`,
    ]);
  });

  test('a jsonl line without the label column is named by its line', async () => {
    const path = await write('d.jsonl', '{"text": "a", "label": 1}\n\n{"text": "b"}\n');
    expect(await checkDatasetSettings({ name: 'jsonl', path })).toEqual([
      {
        key: 'label_column',
        message: `${path} line 3 has no column "label" (the default when label_column is not set); columns found: "text"`,
        hint: 'set label_column to the column that holds the label',
      },
    ]);
  });

  test('a missing file, a folder, a malformed file and an empty one are refused at path', async () => {
    const missing = join(dir(), 'nope.csv');
    expect(await checkDatasetSettings({ name: 'csv', path: missing })).toEqual([
      { key: 'path', message: `dataset file not found: ${missing}`, hint: 'paths are relative to the spec file' },
    ]);
    expect(await checkDatasetSettings({ name: 'jsonl', path: dir() })).toEqual([
      { key: 'path', message: `dataset file is a folder, not a file: ${dir()}`, hint: 'paths are relative to the spec file' },
    ]);
    const bad = await write('bad.jsonl', '{"text": "a", "label": 1}\nnot json\n');
    expect((await checkDatasetSettings({ name: 'jsonl', path: bad }))[0]).toMatchObject({
      key: 'path',
      message: expect.stringContaining(`${bad} line 2 is not valid JSON`),
    });
    const empty = await write('empty.csv', 'text,label\n');
    expect(await checkDatasetSettings({ name: 'csv', path: empty })).toEqual([
      { key: 'path', message: `${empty} has no data rows below the header`, hint: 'add at least one example per class' },
    ]);
  });

  test('splits that leave nothing to train on', async () => {
    expect(await checkDatasetSettings({ name: 'spamassassin', val_split: 0.5, test_split: 0.5 })).toEqual([
      {
        key: 'test_split',
        message: 'val_split + test_split must be below 1 so that some examples remain to train on, got 0.5 + 0.5',
        hint: 'lower one of them',
      },
    ]);
    expect(await checkDatasetSettings({ name: 'adding', val_split: 0.95 })).toMatchObject([{ key: 'val_split' }]);
    expect(await checkDatasetSettings({ name: 'adding', timesteps: 50 })).toEqual([]);
  });
});
