import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { checkObjectiveBlocks, type ObjectiveBlockSchemas } from './objective-blocks.js';
import { parseSweepSpec } from './parse-sweep-spec.js';

// A dataset block shaped like rnn-text's: variants on `name`, strict keys, snake_case.
const split = { val_split: z.number().min(0).lt(1).optional(), limit: z.int().min(1).optional() };
const BLOCKS: ObjectiveBlockSchemas = {
  dataset: z
    .discriminatedUnion('name', [
      z.strictObject({ name: z.literal('builtin'), ...split }),
      z.strictObject({ name: z.literal('csv'), path: z.string().min(1), text_column: z.string().optional(), label_column: z.string().optional(), ...split }),
    ])
    .optional(),
};

describe('checkObjectiveBlocks', () => {
  test('an unknown key: its path and the key it most likely meant', () => {
    expect(checkObjectiveBlocks({ objective: 'x', dataset: { name: 'csv', path: 'd.csv', text: 'body' } }, BLOCKS)).toEqual([
      { path: 'dataset.text', message: 'unknown key', hint: "did you mean 'text_column'?" },
    ]);
  });

  test('an unknown key nothing is close to lists the keys of the variant named', () => {
    expect(checkObjectiveBlocks({ dataset: { name: 'builtin', colour: 'red' } }, BLOCKS)).toEqual([
      { path: 'dataset.colour', message: 'unknown key', hint: 'allowed keys: name, val_split, limit' },
    ]);
  });

  test('a wrong type and a value out of range, each at its path', () => {
    expect(checkObjectiveBlocks({ dataset: { name: 'csv', path: 7, limit: 0 } }, BLOCKS)).toEqual([
      { path: 'dataset.path', message: 'must be a string, got 7' },
      { path: 'dataset.limit', message: 'must be ≥ 1, got 0' },
    ]);
  });

  test('an unknown or missing variant name lists the names', () => {
    expect(checkObjectiveBlocks({ dataset: { name: 'cvs' } }, BLOCKS)).toEqual([
      { path: 'dataset.name', message: "must be one of builtin, csv, got 'cvs'", hint: "did you mean 'csv'?" },
    ]);
    expect(checkObjectiveBlocks({ dataset: { path: 'd.csv' } }, BLOCKS)).toEqual([{ path: 'dataset.name', message: 'required: one of builtin, csv' }]);
  });

  test('a block the schema makes optional may be left out; a sound one passes', () => {
    expect(checkObjectiveBlocks({ objective: 'x' }, BLOCKS)).toEqual([]);
    expect(checkObjectiveBlocks({ dataset: { name: 'csv', path: 'd.csv', text_column: 'body', val_split: 0.2 } }, BLOCKS)).toEqual([]);
  });

  test('false: the objective reads no such block, so one is refused', () => {
    expect(checkObjectiveBlocks({ objective: 'noop', dataset: {} }, { dataset: false })).toEqual([
      { path: 'dataset', message: 'noop reads no dataset block', hint: 'remove the dataset block' },
    ]);
    expect(checkObjectiveBlocks({ objective: 'noop' }, { dataset: false })).toEqual([]);
  });

  test('an objective that declares nothing (a module) passes any block', () => {
    expect(checkObjectiveBlocks({ dataset: { anything: 1 } }, undefined)).toEqual([]);
    expect(checkObjectiveBlocks({ dataset: { anything: 1 } }, {})).toEqual([]);
  });
});

describe('parseSweepSpec with objectiveBlocks', () => {
  const yaml = (dataset: string, budget = 'budget: { trials: 2 }') =>
    ['name: t', 'objective: mine', dataset, 'metric: { name: loss, goal: minimize }', budget, 'parameters:', '  x: { values: [1, 2] }'].join('\n');
  const objectiveBlocks = (objective: string) => (objective === 'mine' ? BLOCKS : undefined);

  test("lists the dataset's problems with the rest, in the document's order", () => {
    const error = catchSpecError(() => parseSweepSpec(yaml('dataset: { name: csv, path: ./d.csv, text: body }', 'budget: { trials: 0 }'), { objectiveBlocks }));
    expect(error.problems).toEqual([
      { path: 'dataset.text', message: 'unknown key', hint: "did you mean 'text_column'?" },
      { path: 'budget.trials', message: 'must be ≥ 1, got 0' },
    ]);
    expect(error.message).toContain("dataset.text: unknown key (did you mean 'text_column'?)");
  });

  test('a dataset that is not a mapping is reported once', () => {
    expect(catchSpecError(() => parseSweepSpec(yaml('dataset: csv'), { objectiveBlocks })).problems).toEqual([
      { path: 'dataset', message: "must be a mapping, got 'csv'" },
    ]);
  });

  test('keeps the block as written, and checks nothing without objectiveBlocks', () => {
    expect(parseSweepSpec(yaml('dataset: { name: csv, path: ./d.csv }'), { objectiveBlocks }).dataset).toEqual({ name: 'csv', path: './d.csv' });
    expect(parseSweepSpec(yaml('dataset: { name: csv, path: ./d.csv, text: body }')).dataset).toEqual({ name: 'csv', path: './d.csv', text: 'body' });
  });
});

function catchSpecError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}
