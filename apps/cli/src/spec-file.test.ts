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

async function problems(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map((p) => `${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
    throw error;
  }
  return [];
}

function writeSpec(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('the spec `sweep init` writes', () => {
  it('is valid, passes the up-front checks, and reads well in `sweep validate`', async () => {
    const spec = await preflight(parseSweepSpec(EXAMPLE_SPEC), dir, 'sweep.yaml');
    expect(describeSpec(spec)).toBe(
      'ok: my-sweep — 7 params (cell, optimizer, lr, momentum, clip, clip_norm, units), ' +
        'auto sampler (seed 1; chose TPE: a pruner stops trials early (TPE learns from pruned trials, a GP from complete ones only)), asha pruner, ' +
        'budget 12 trials, 4 epochs each, 2 at once; rnn-text objective, optimizing val_accuracy (maximize)',
    );
  });
});

describe('describeSpec', () => {
  it('says what an auto sampler chose, and why', () => {
    const spec = parseSweepSpec(
      'name: t\nobjective: noop\nmetric: { name: loss, goal: minimize }\nbudget: { trials: 40 }\nparameters:\n  x: { uniform: [0, 1] }\n  y: { int: [1, 9] }\n',
    );
    expect(describeSpec(spec)).toContain(
      'auto sampler (seed 0; chose Gaussian process: 2 parameters, 0 categorical, no conditional, 40 trials (≤ 200)), no pruner',
    );
  });

  it('names every objective and constraint of a multi-objective sweep, and what auto and tpe mean there', () => {
    const spec = (sampler: string) =>
      parseSweepSpec(
        `name: t\nobjective: noop\nmetrics: [{ name: acc, goal: maximize }, { name: seconds, goal: minimize }]\n` +
          `constraints: [{ metric: size, max: 100 }, { metric: ms, min: 1, max: 5 }]\n${sampler}pruner: { type: asha }\nbudget: { trials: 40 }\nparameters:\n  x: { uniform: [0, 1] }\n`,
      );
    expect(describeSpec(spec(''))).toBe(
      'ok: t — 1 param (x), auto sampler (seed 0; chose multi-objective TPE: 2 objectives, 2 constraints), multi-objective asha pruner, budget 40 trials; ' +
        'noop objective, optimizing acc (maximize) and seconds (minimize), subject to size ≤ 100, 1 ≤ ms ≤ 5',
    );
    expect(describeSpec(spec('sampler: { type: tpe, seed: 3 }\n'))).toContain('tpe sampler (multi-objective TPE, seed 3)');
  });
});

describe('preflight', () => {
  const base = (lines: string) => `name: t\nmetric: { name: val_accuracy, goal: maximize }\nbudget: { trials: 2 }\n${lines}\n`;

  it('makes a module objective and a csv dataset absolute, relative to the spec folder', async () => {
    writeFileSync(path.join(dir, 'objective.mjs'), 'export default async () => 1;\n');
    writeFileSync(path.join(dir, 'data.csv'), 'text,label\na,x\nb,y\n');
    const custom = await preflight(parseSweepSpec(base('objective: ./objective.mjs\nparameters:\n  x: { uniform: [0, 1] }')), dir, 's.yaml');
    expect(custom.objective).toBe(path.join(dir, 'objective.mjs'));
    const csv = await preflight(
      parseSweepSpec(base('objective: rnn-text\ndataset: { name: csv, path: data.csv }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0e-2] }')),
      dir,
      's.yaml',
    );
    expect(csv.dataset).toEqual({ name: 'csv', path: path.join(dir, 'data.csv') });
  });

  it('lists every problem it finds at once', async () => {
    const found = await problems(() =>
      preflight(
        parseSweepSpec(
          base(
            'objective: rnn-text\ndataset: { name: jsonl, path: ./none.jsonl }\nparameters:\n  lrr: { log_uniform: [1.0e-3, 1.0e-2] }\n  dropout: { uniform: [0, 1.5] }',
          ),
        ),
        dir,
        's.yaml',
      ),
    );
    expect(found).toEqual([
      "parameters.lrr: is not a parameter of rnn-text (did you mean 'lr'?)",
      'parameters.dropout.uniform[1]: rnn-text refuses it: must be < 1, got 1.5',
      `dataset.path: dataset file not found: ${path.join(dir, 'none.jsonl')} (paths are relative to the spec file)`,
    ]);
    // A dataset block rnn-text does not accept is refused with the rest of the spec.
    expect(
      await problems(async () =>
        loadSpecFile(writeSpec('imdb.yaml', base('objective: rnn-text\ndataset: { name: imdb, text: body }\nparameters:\n  lr: { value: 0.01 }'))),
      ),
    ).toEqual(["dataset.name: must be one of spamassassin, csv, jsonl, adding, got 'imdb'"]);
  });

  it('refuses an objective or constrained metric rnn-text does not report, or reports only for the other task', async () => {
    const spec = (dataset: string) =>
      `name: t\nobjective: rnn-text\n${dataset}metrics:\n  - { name: val_accuracy, goal: maximize }\n  - { name: train_secs, goal: minimize }\n` +
      'constraints:\n  - { metric: parameters, max: 100000 }\n  - { metric: model_size, max: 5 }\nbudget: { trials: 2 }\nparameters:\n  lr: { value: 0.01 }\n';
    expect(await problems(() => preflight(parseSweepSpec(spec('')), dir, 's.yaml'))).toEqual([
      "metrics[1].name: rnn-text does not report 'train_secs' (did you mean 'train_seconds'?)",
      expect.stringMatching(
        /^constraints\[1\]\.metric: rnn-text does not report 'model_size' \(it reports: epoch, loss, val_loss, accuracy, val_accuracy, .*parameters/,
      ),
    ]);
    expect(await problems(() => preflight(parseSweepSpec(spec('dataset: { name: adding }\n')), dir, 's.yaml'))).toEqual([
      "metrics[0].name: rnn-text reports 'val_accuracy' only for classification datasets, and this one (adding) is regression (regression metrics: mse, val_mse, test_mse, or val_loss)",
      "metrics[1].name: rnn-text does not report 'train_secs' (did you mean 'train_seconds'?)",
      expect.stringMatching(/^constraints\[1\]\.metric: rnn-text does not report 'model_size'/),
    ]);
  });

  it('refuses a pbt spec that searches rnn-text’s architecture or optimizer (a checkpoint restores only into the same), and describes its budget', async () => {
    const spec = (params: string) =>
      `name: t\nobjective: rnn-text\nmetric: { name: val_loss, goal: minimize }\nbudget: { max_epochs: 8 }\nsampler: { type: pbt, population: 4 }\nparameters:\n${params}`;
    expect(
      await problems(() =>
        preflight(
          parseSweepSpec(
            spec('  cell: { values: [gru, lstm] }\n  units: { values: [32] }\n  optimizer: { values: [adam, sgd] }\n  lr: { log_uniform: [1.0e-3, 1.0e-1] }\n'),
          ),
          dir,
          's.yaml',
        ),
      ),
    ).toEqual([
      "parameters.cell: pbt continues members from each other's checkpoints, and an rnn-text checkpoint only restores into the same cell (fix it for the population, e.g. cell: { value: … } (pbt can explore lr, dropout, clipping, weight decay and other training settings))",
      "parameters.optimizer: pbt continues members from each other's checkpoints, and an rnn-text checkpoint only restores into the same optimizer (fix it for the population, e.g. optimizer: { value: … } (pbt can explore lr, dropout, clipping, weight decay and other training settings))",
    ]);
    const ok = await preflight(
      parseSweepSpec(spec('  cell: { value: gru }\n  lr: { log_uniform: [1.0e-3, 1.0e-1] }\n  dropout: { uniform: [0, 0.5] }\n')),
      dir,
      's.yaml',
    );
    expect(describeSpec(ok)).toContain('pbt sampler (seed 0), no pruner, budget a population of 4 × 8 epochs (32 epochs)');
  });

  it('refuses a dataset block its objective does not declare, with the key meant', async () => {
    expect(
      await problems(async () =>
        loadSpecFile(
          writeSpec('typo.yaml', base('objective: rnn-text\ndataset: { name: csv, path: ./data.csv, text: body }\nparameters:\n  lr: { value: 0.01 }')),
        ),
      ),
    ).toEqual(["dataset.text: unknown key (did you mean 'text_column'?)"]);
    expect(
      await problems(async () =>
        loadSpecFile(writeSpec('noop.yaml', base('objective: noop\ndataset: { name: spamassassin }\nparameters:\n  x: { value: 1 }'))),
      ),
    ).toEqual(['dataset: noop reads no dataset block (remove the dataset block)']);
  });

  it('opens a csv dataset and names a missing column with the columns found', async () => {
    writeFileSync(path.join(dir, 'mail.csv'), 'body,label\nhello,ham\nwin,spam\n');
    expect(
      await problems(async () =>
        loadSpecFile(writeSpec('columns.yaml', base('objective: rnn-text\ndataset: { name: csv, path: mail.csv }\nparameters:\n  lr: { value: 0.01 }'))),
      ),
    ).toEqual([
      `dataset.text_column: ${path.join(dir, 'mail.csv')} has no column "text" (the default when text_column is not set); columns found: "body", "label" (set text_column to the column that holds the text)`,
    ]);
  });

  it('reads a spec file, and says so when there is none', async () => {
    const file = writeSpec('ok.yaml', base('objective: noop\nparameters:\n  x: { uniform: [0, 1] }'));
    expect((await loadSpecFile(file)).specDir).toBe(dir);
    await expect(loadSpecFile(path.join(dir, 'missing.yaml'))).rejects.toThrow(/spec file not found/);
    await expect(loadSpecFile(dir)).rejects.toThrow(/is a folder/);
  });
});
