import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError, parseSweepSpec } from '@loopsweep/core';
import { describeSpec } from './describe-spec.js';
import { EXAMPLE_SPEC } from './example-spec.js';
import { loadSpecFile, preflight } from './spec-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sweep-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map((p) => `${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
    throw error;
  }
  return [];
}

describe('the spec `sweep init` writes', () => {
  it('is valid, passes the up-front checks, and reads well in `sweep validate`', () => {
    const spec = preflight(parseSweepSpec(EXAMPLE_SPEC), dir, 'sweep.yaml');
    expect(describeSpec(spec)).toBe(
      'ok: my-sweep — 7 params (cell, optimizer, lr, momentum, clip, clip_norm, units), tpe sampler (seed 1), asha pruner, ' +
        'budget 12 trials, 4 epochs each, 2 at once; rnn-text objective, optimizing val_accuracy (maximize)',
    );
  });
});

describe('preflight', () => {
  const base = (lines: string) => `name: t\nmetric: { name: val_accuracy, goal: maximize }\nbudget: { trials: 2 }\n${lines}\n`;

  it('makes a module objective and a csv dataset absolute, relative to the spec folder', () => {
    writeFileSync(path.join(dir, 'objective.mjs'), 'export default async () => 1;\n');
    writeFileSync(path.join(dir, 'data.csv'), 'text,label\na,x\nb,y\n');
    const custom = preflight(parseSweepSpec(base('objective: ./objective.mjs\nparameters:\n  x: { uniform: [0, 1] }')), dir, 's.yaml');
    expect(custom.objective).toBe(path.join(dir, 'objective.mjs'));
    const csv = preflight(parseSweepSpec(base('objective: rnn-text\ndataset: { name: csv, path: data.csv }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0e-2] }')), dir, 's.yaml');
    expect(csv.dataset).toEqual({ name: 'csv', path: path.join(dir, 'data.csv') });
  });

  it('lists every problem it finds at once', () => {
    const found = problems(() =>
      preflight(
        parseSweepSpec(base('objective: rnn-text\ndataset: { name: jsonl, path: ./none.jsonl }\nparameters:\n  lrr: { log_uniform: [1.0e-3, 1.0e-2] }\n  dropout: { uniform: [0, 1.5] }')),
        dir,
        's.yaml',
      ),
    );
    expect(found).toEqual([
      "parameters.lrr: is not a parameter of rnn-text (did you mean 'lr'?)",
      'parameters.dropout.uniform[1]: rnn-text refuses it: must be < 1, got 1.5',
      `dataset.path: dataset file not found: ${path.join(dir, 'none.jsonl')} (paths are relative to the spec file)`,
    ]);
    expect(problems(() => preflight(parseSweepSpec(base('objective: rnn-text\ndataset: { name: imdb }\nparameters:\n  lr: { value: 0.01 }')), dir, 's.yaml'))).toEqual([
      'dataset.name: unknown dataset "imdb" (one of spamassassin, csv, jsonl, adding)',
    ]);
  });

  it('reads a spec file, and says so when there is none', () => {
    const file = path.join(dir, 'ok.yaml');
    writeFileSync(file, base('objective: noop\nparameters:\n  x: { uniform: [0, 1] }'));
    expect(loadSpecFile(file).specDir).toBe(dir);
    expect(() => loadSpecFile(path.join(dir, 'missing.yaml'))).toThrow(/spec file not found/);
    expect(() => loadSpecFile(dir)).toThrow(/is a folder/);
  });
});
