import { SpecError, parseSweepSpec, type SpecProblem } from '@loopsweep/core';
import { describe, expect, test } from 'vitest';
import { BUILT_IN_OBJECTIVE_BLOCKS, objectiveBlocks } from './objective-blocks.js';
import { BUILT_IN_OBJECTIVES } from './load-objective.js';

function spec(objective: string, dataset: string | undefined): string {
  return [
    `name: t`,
    `objective: ${objective}`,
    ...(dataset === undefined ? [] : [`dataset: ${dataset}`]),
    'metric: { name: loss, goal: minimize }',
    'budget: { trials: 2 }',
    'parameters:',
    '  units: { values: [8, 16] }',
  ].join('\n');
}

function problems(objective: string, dataset: string | undefined): readonly SpecProblem[] {
  try {
    parseSweepSpec(spec(objective, dataset), { objectiveBlocks });
    return [];
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
}

describe('the built-in objectives declare their dataset blocks', () => {
  test('every built-in objective declares its blocks', () => {
    expect(Object.keys(BUILT_IN_OBJECTIVE_BLOCKS).sort()).toEqual([...BUILT_IN_OBJECTIVES].sort());
  });

  test('rnn-text: a misspelled key, with its path and the key meant', () => {
    expect(problems('rnn-text', '{ name: csv, path: ./d.csv, text: body }')).toEqual([
      { path: 'dataset.text', message: 'unknown key', hint: "did you mean 'text_column'?" },
    ]);
    expect(problems('rnn-text', '{ name: csv, path: ./d.csv, labelColumn: y }')).toEqual([
      { path: 'dataset.labelColumn', message: 'unknown key', hint: "did you mean 'label_column'?" },
    ]);
  });

  test('rnn-text: a wrong type, an unknown dataset name, a missing path', () => {
    expect(problems('rnn-text', '{ name: spamassassin, max_len: long }')).toEqual([{ path: 'dataset.max_len', message: "must be a number, got 'long'" }]);
    expect(problems('rnn-text', '{ name: spamasassin }')).toEqual([
      { path: 'dataset.name', message: "must be one of spamassassin, csv, jsonl, adding, got 'spamasassin'", hint: "did you mean 'spamassassin'?" },
    ]);
    expect(problems('rnn-text', '{ name: jsonl }')).toEqual([{ path: 'dataset.path', message: 'required' }]);
  });

  test.each([
    ['no dataset block', undefined],
    ['spamassassin', '{ name: spamassassin, limit: 1200, max_len: 64, vocab: 4000, val_split: 0.2 }'],
    ['csv', '{ name: csv, path: ./d.csv, text_column: body, label_column: y, delimiter: ";" }'],
    ['jsonl', '{ name: jsonl, path: ./d.jsonl, text_column: body }'],
    ['adding', '{ name: adding, timesteps: 100, size: 4000 }'],
  ])('rnn-text accepts %s', (_title, dataset) => {
    expect(problems('rnn-text', dataset)).toEqual([]);
  });

  test('noop reads no dataset, so a block is refused', () => {
    expect(problems('noop', '{ name: spamassassin }')).toEqual([{ path: 'dataset', message: 'noop reads no dataset block', hint: 'remove the dataset block' }]);
    expect(problems('noop', undefined)).toEqual([]);
  });

  test("a module objective's block passes through as written", () => {
    expect(objectiveBlocks('./mine.mjs')).toBeUndefined();
    expect(parseSweepSpec(spec('./mine.mjs', '{ anything: [1, 2] }'), { objectiveBlocks }).dataset).toEqual({ anything: [1, 2] });
  });
});
