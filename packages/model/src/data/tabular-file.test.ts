import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempFiles } from '../test-support/temp-files.js';
import { DatasetError } from '../errors.js';
import { loadTextFile } from './tabular-file.js';
import type { TextDataset } from './types.js';

const { dir, write } = useTempFiles('loopsweep-tabular-');

const csvQuote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const allLabels = (d: TextDataset): number[] => [...d.train.labels, ...d.validation.labels, ...d.test.labels];
const allTexts = (d: TextDataset): string[] => [...d.train.texts, ...d.validation.texts, ...d.test.texts];

describe('loadTextFile, CSV', () => {
  test('reads 3 classes by column name, sorted class names, stratified split', async () => {
    const rows = ['id,label,text'];
    for (let i = 0; i < 30; i++) {
      const label = ['pos', 'neg', 'neu'][i % 3] as string;
      // Quoted fields with a comma, a quote and a line break must survive.
      rows.push(`${i},${label},${csvQuote(`${label} review ${i}, "quoted"\nsecond line`)}`);
    }
    const path = await write('reviews.csv', `${rows.join('\n')}\n`);
    const dataset = await loadTextFile({ path, format: 'csv', seed: 4 });
    expect(dataset.name).toBe('reviews.csv');
    expect(dataset.classNames).toEqual(['neg', 'neu', 'pos']);
    // 10 per class: test round(1) = 1, validation round(2) = 2, train 7, each class.
    expect(dataset.train.texts).toHaveLength(21);
    expect(dataset.validation.texts).toHaveLength(6);
    expect(dataset.test.labels.slice().sort()).toEqual([0, 1, 2]);
    const texts = allTexts(dataset);
    const labels = allLabels(dataset);
    expect(texts).toContain('pos review 0, "quoted"\nsecond line');
    texts.forEach((text, i) => expect(dataset.classNames[labels[i] as number]).toBe(text.split(' ')[0]));
  });

  test('honours a delimiter and other column names', async () => {
    const path = await write('semi.csv', 'body;class\nhello there;a\ngood day;b\nhi;a\nbye;b\n');
    const dataset = await loadTextFile({ path, format: 'csv', delimiter: ';', textColumn: 'body', labelColumn: 'class', valSplit: 0, testSplit: 0 });
    expect(dataset.classNames).toEqual(['a', 'b']);
    expect(dataset.train.texts.slice().sort()).toEqual(['bye', 'good day', 'hello there', 'hi']);
  });

  test('limit keeps the class shares', async () => {
    const rows = ['text,label', ...Array.from({ length: 40 }, (_, i) => `t${i},${i < 30 ? 'x' : 'y'}`)];
    const path = await write('limit.csv', rows.join('\n'));
    const dataset = await loadTextFile({ path, format: 'csv', limit: 20, valSplit: 0, testSplit: 0 });
    expect(dataset.train.labels.filter((l) => l === 0)).toHaveLength(15);
    expect(dataset.train.labels.filter((l) => l === 1)).toHaveLength(5);
  });

  test('names the missing column and lists the columns found', async () => {
    const path = await write('nolabel.csv', 'text,category\nhello,a\nbye,b\n');
    const load = loadTextFile({ path, format: 'csv' });
    await expect(load).rejects.toThrow(DatasetError);
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(
      `${path} line 2 has no column "label"; columns found: "text", "category". Set label_column (labelColumn in loadDataset) to the column that holds the label`,
    );
  });

  test('names the line of an empty text', async () => {
    const path = await write('empty.csv', 'text,label\nhello,a\n   ,b\nbye,b\n');
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(`${path} line 3: column "text" has empty text`);
  });

  test('names the single class', async () => {
    const path = await write('single.csv', 'text,label\nhello,only\nbye,only\n');
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(`${path} has a single class "only" in column "label"`);
  });

  test('rejects a file with a header and no rows', async () => {
    const path = await write('header-only.csv', 'text,label\n');
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(`${path} has no data rows below the header`);
  });

  test('reports malformed CSV with the file and the reason', async () => {
    const path = await write('ragged.csv', 'text,label\nhello,a,extra\n');
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(
      `cannot parse CSV file ${path}: Invalid Record Length: columns length is 2, got 3 on line 2`,
    );
  });
});

describe('loadTextFile, JSONL', () => {
  test('reads 3 numeric classes in numeric order, skipping blank lines', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 15; i++) {
      lines.push(JSON.stringify({ text: `message ${i}`, label: [10, 2, 1][i % 3], extra: true }));
      if (i === 4) lines.push('', '   ');
    }
    const path = await write('numeric.jsonl', `${lines.join('\n')}\n`);
    const dataset = await loadTextFile({ path, format: 'jsonl', valSplit: 0.2, testSplit: 0.2 });
    // Numeric order, so "10" sorts after "2".
    expect(dataset.classNames).toEqual(['1', '2', '10']);
    expect(allTexts(dataset)).toHaveLength(15);
    const labelOfText = new Map(allTexts(dataset).map((text, i) => [text, allLabels(dataset)[i]]));
    expect(labelOfText.get('message 0')).toBe(2); // label 10
    expect(labelOfText.get('message 1')).toBe(1); // label 2
    expect(labelOfText.get('message 2')).toBe(0); // label 1
    expect(dataset.test.labels.slice().sort()).toEqual([0, 1, 2]);
  });

  test('names the line that is not JSON', async () => {
    const path = await write('bad.jsonl', '{"text":"a","label":"x"}\n\n{"text":"b", label:"y"}\n');
    await expect(loadTextFile({ path, format: 'jsonl' })).rejects.toThrow(new RegExp(`^${path} line 3 is not valid JSON`));
  });

  test('names the line that holds no object', async () => {
    const path = await write('array.jsonl', '{"text":"a","label":"x"}\n["b","y"]\n');
    await expect(loadTextFile({ path, format: 'jsonl' })).rejects.toThrow(`${path} line 2 holds an array, not a JSON object`);
  });

  test('names the missing column with the keys of that line', async () => {
    const path = await write('nokey.jsonl', '{"text":"a","label":"x"}\n{"body":"b","label":"y"}\n');
    await expect(loadTextFile({ path, format: 'jsonl' })).rejects.toThrow(
      `${path} line 2 has no column "text"; columns found: "body", "label". Set text_column (textColumn in loadDataset) to the column that holds the text`,
    );
  });

  test('rejects an empty file', async () => {
    const path = await write('empty.jsonl', '\n\n');
    await expect(loadTextFile({ path, format: 'jsonl' })).rejects.toThrow(`${path} has no JSON lines`);
  });

  test('rejects a non-text text and a missing label', async () => {
    const numberText = await write('number-text.jsonl', '{"text":5,"label":"x"}\n');
    await expect(loadTextFile({ path: numberText, format: 'jsonl' })).rejects.toThrow('line 1: column "text" must hold text, got 5');
    const nullLabel = await write('null-label.jsonl', '{"text":"a","label":null}\n');
    await expect(loadTextFile({ path: nullLabel, format: 'jsonl' })).rejects.toThrow(
      'line 1: column "label" must hold a non-empty string or number label, got null',
    );
  });
});

describe('loadTextFile, file errors', () => {
  test('names a missing file', async () => {
    const path = join(dir(), 'does-not-exist.csv');
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(DatasetError);
    await expect(loadTextFile({ path, format: 'csv' })).rejects.toThrow(`dataset file ${path} does not exist`);
  });

  test('says when the path is a directory', async () => {
    const path = join(dir(), 'a-directory');
    await mkdir(path);
    await expect(loadTextFile({ path, format: 'jsonl' })).rejects.toThrow(`dataset file ${path} is a directory`);
  });
});
