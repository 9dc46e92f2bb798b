import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatasetError } from '../errors.js';
import { loadDataset } from './load-dataset.js';
import type { DatasetSpec } from './load-dataset.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loopsweep-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadDataset', () => {
  test('builds the adding problem', async () => {
    const dataset = await loadDataset({ name: 'adding', timesteps: 6, size: 20, valSplit: 0.25, testSplit: 0.25 });
    if (dataset.kind !== 'sequence') throw new Error(`expected a sequence dataset, got ${dataset.kind}`);
    expect(dataset.timesteps).toBe(6);
    expect(dataset.train.targets).toHaveLength(10);
  });

  test('loads csv and jsonl files by name, passing the column options on', async () => {
    const csv = join(dir, 'd.csv');
    await writeFile(csv, 'msg,y\none,a\ntwo,b\nthree,a\nfour,b\n');
    const fromCsv = await loadDataset({ name: 'csv', path: csv, textColumn: 'msg', labelColumn: 'y', valSplit: 0, testSplit: 0 });
    if (fromCsv.kind !== 'text') throw new Error(`expected a text dataset, got ${fromCsv.kind}`);
    expect(fromCsv.classNames).toEqual(['a', 'b']);
    expect(fromCsv.train.texts.slice().sort()).toEqual(['four', 'one', 'three', 'two']);

    const jsonl = join(dir, 'd.jsonl');
    await writeFile(jsonl, '{"text":"x","label":"p"}\n{"text":"y","label":"q"}\n');
    const fromJsonl = await loadDataset({ name: 'jsonl', path: jsonl, valSplit: 0, testSplit: 0 });
    expect(fromJsonl.kind === 'text' && fromJsonl.classNames).toEqual(['p', 'q']);
  });

  test('reads a csv spec as CSV, not as JSONL', async () => {
    const path = join(dir, 'looks-like.jsonl');
    await writeFile(path, 'text,label\na,1\nb,2\n');
    await expect(loadDataset({ name: 'csv', path, valSplit: 0, testSplit: 0 })).resolves.toMatchObject({ classNames: ['1', '2'] });
    await expect(loadDataset({ name: 'jsonl', path })).rejects.toThrow('line 1 is not valid JSON');
  });

  test('rejects an unknown name, listing the known ones', async () => {
    const spec = { name: 'mnist' } as unknown as DatasetSpec;
    await expect(loadDataset(spec)).rejects.toThrow(DatasetError);
    await expect(loadDataset(spec)).rejects.toThrow('unknown dataset "mnist"; known datasets: spamassassin, csv, jsonl, adding');
  });
});
