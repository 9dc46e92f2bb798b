import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSweepSpec, type SweepSpec } from '@loopsweep/core';
import { afterAll, describe, expect, test } from 'vitest';
import { checkObjectiveFiles } from './check-objective-files.js';
import { objectiveBlocks } from './objective-blocks.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loopsweep-objective-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'mail.csv'), 'body,category\nhello there,ham\nwin money now,spam\n');

function spec(objective: string, dataset: string): SweepSpec {
  const text = [
    `name: t`,
    `objective: ${objective}`,
    `dataset: ${dataset}`,
    'metric: { name: loss, goal: minimize }',
    'budget: { trials: 2 }',
    'parameters:',
    '  units: { values: [8, 16] }',
  ].join('\n');
  return parseSweepSpec(text, { objectiveBlocks });
}

describe('checkObjectiveFiles', () => {
  test("resolves a csv path against the spec's folder and checks its columns", async () => {
    const checked = await checkObjectiveFiles(spec('rnn-text', '{ name: csv, path: ./mail.csv, text_column: body, label_column: category, limit: 2 }'), dir);
    expect(checked.problems).toEqual([]);
    expect(checked.spec.dataset).toEqual({ name: 'csv', path: path.join(dir, 'mail.csv'), text_column: 'body', label_column: 'category', limit: 2 });
  });

  test('a missing column is refused at its key, with the columns found', async () => {
    const checked = await checkObjectiveFiles(spec('rnn-text', '{ name: csv, path: mail.csv, text_column: body }'), dir);
    expect(checked.problems).toEqual([
      {
        path: 'dataset.label_column',
        message: `${path.join(dir, 'mail.csv')} has no column "label" (the default when label_column is not set); columns found: "body", "category"`,
        hint: 'set label_column to the column that holds the label',
      },
    ]);
  });

  test('a file that is not there', async () => {
    const checked = await checkObjectiveFiles(spec('rnn-text', '{ name: jsonl, path: ../elsewhere/d.jsonl }'), dir);
    expect(checked.problems).toEqual([
      { path: 'dataset.path', message: `dataset file not found: ${path.resolve(dir, '../elsewhere/d.jsonl')}`, hint: 'paths are relative to the spec file' },
    ]);
  });

  test('datasets without a file, and other objectives, are left as they are', async () => {
    const builtIn = spec('rnn-text', '{ name: adding, timesteps: 10 }');
    expect(await checkObjectiveFiles(builtIn, dir)).toEqual({ problems: [], spec: builtIn });
    const mine = spec('./mine.mjs', '{ name: csv, path: ./nowhere.csv }');
    expect(await checkObjectiveFiles(mine, dir)).toEqual({ problems: [], spec: mine });
  });
});
