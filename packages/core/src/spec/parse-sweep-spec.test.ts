import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { parseSweepSpec } from './parse-sweep-spec.js';
import { sweepSpecDocument } from './spec-document.js';
import { validateSweepSpec } from './validate-sweep-spec.js';

// The example of DESIGN.md, section "Sweep spec", as written there.
const DESIGN_EXAMPLE = `name: spam-rnn-strategies
objective: rnn-text            # or ./my-objective.js
dataset: { name: spamassassin, max_len: 200, vocab: 10000, val_split: 0.2 }
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 60, parallel: 2, max_epochs: 8 }
sampler: { type: tpe, seed: 7 }          # grid | random | tpe
pruner:  { type: asha, min_epochs: 1, reduction_factor: 3 }   # none | median | asha | hyperband
parameters:
  cell:       { values: [simple, lstm, gru, loop] }
  optimizer:  { values: [sgd, momentum, adam, rmsprop, adagrad] }
  lr:         { log_uniform: [1.0e-4, 1.0e-1] }
  momentum:   { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  clip:       { values: [none, value, global_norm] }
  clip_norm:  { log_uniform: [0.1, 10], when: { clip: global_norm } }
  schedule:   { values: [constant, step, cosine, warmup_cosine] }
  units:      { int_log_uniform: [16, 256] }
  dropout:    { uniform: [0.0, 0.5] }
`;

const MINIMAL = `name: t
objective: noop
metric: { name: loss, goal: minimize }
budget: { trials: 5 }
parameters:
  x: { uniform: [0, 1] }
`;

describe('parseSweepSpec', () => {
  test("parses DESIGN.md's example into its search space, parents before their conditional params", () => {
    const spec = parseSweepSpec(DESIGN_EXAMPLE);
    expect(spec.space.params).toEqual([
      { name: 'cell', distribution: { kind: 'categorical', choices: ['simple', 'lstm', 'gru', 'loop'] } },
      { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] } },
      { name: 'lr', distribution: { kind: 'float', low: 1e-4, high: 0.1, log: true } },
      { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
      { name: 'clip', distribution: { kind: 'categorical', choices: ['none', 'value', 'global_norm'] } },
      { name: 'clip_norm', distribution: { kind: 'float', low: 0.1, high: 10, log: true }, when: { clip: ['global_norm'] } },
      { name: 'schedule', distribution: { kind: 'categorical', choices: ['constant', 'step', 'cosine', 'warmup_cosine'] } },
      { name: 'units', distribution: { kind: 'int', low: 16, high: 256, log: true, step: 1 } },
      { name: 'dropout', distribution: { kind: 'float', low: 0, high: 0.5, log: false } },
    ]);
  });

  test("keeps the rest of DESIGN.md's example as written", () => {
    const { space: _space, ...rest } = parseSweepSpec(DESIGN_EXAMPLE);
    expect(rest).toEqual({
      name: 'spam-rnn-strategies',
      objective: 'rnn-text',
      dataset: { name: 'spamassassin', max_len: 200, vocab: 10000, val_split: 0.2 },
      metric: { name: 'val_accuracy', goal: 'maximize' },
      budget: { trials: 60, parallel: 2, max_epochs: 8, retries: 0 },
      sampler: { type: 'tpe', seed: 7 },
      pruner: { type: 'asha', min_epochs: 1, reduction_factor: 3 },
      parameters: {
        cell: { values: ['simple', 'lstm', 'gru', 'loop'] },
        optimizer: { values: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] },
        lr: { log_uniform: [1e-4, 0.1] },
        momentum: { uniform: [0.5, 0.99], when: { optimizer: 'momentum' } },
        clip: { values: ['none', 'value', 'global_norm'] },
        clip_norm: { log_uniform: [0.1, 10], when: { clip: 'global_norm' } },
        schedule: { values: ['constant', 'step', 'cosine', 'warmup_cosine'] },
        units: { int_log_uniform: [16, 256] },
        dropout: { uniform: [0, 0.5] },
      },
    });
  });

  test('fills in the defaults: auto sampler seed 0, no pruner, no retries, no dataset', () => {
    const spec = parseSweepSpec(MINIMAL);
    expect(spec.sampler).toEqual({ type: 'auto', seed: 0 });
    expect(spec.pruner).toEqual({ type: 'none' });
    expect(spec.budget).toEqual({ trials: 5, retries: 0 });
    expect('dataset' in spec).toBe(false);
  });

  test('parses a gp sampler with its options, and refuses an option it does not have', () => {
    const spec = parseSweepSpec(MINIMAL.replace('budget:', 'sampler: { type: gp, seed: 7, n_startup_trials: 5, n_candidates: 256 }\nbudget:'));
    expect(spec.sampler).toEqual({ type: 'gp', seed: 7, n_startup_trials: 5, n_candidates: 256 });
    expect(() => parseSweepSpec(MINIMAL.replace('budget:', 'sampler: { type: gp, gamma: 0.2 }\nbudget:'))).toThrow(SpecError);
  });

  test('defaults the seed of a sampler that names only its type', () => {
    expect(parseSweepSpec(MINIMAL.replace('budget:', 'sampler: { type: random }\nbudget:')).sampler).toEqual({ type: 'random', seed: 0 });
  });

  test.each([
    ['90s', 90],
    ['30m', 1800],
    ['2h', 7200],
    ['1h30m', 5400],
    ['1.5h', 5400],
    ['1h0m30s', 3630],
    ['600', 600],
    ['0.5', 0.5],
  ])('reads budget.timeout %s as %d seconds', (written, seconds) => {
    const spec = parseSweepSpec(MINIMAL.replace('budget: { trials: 5 }', `budget: { timeout: ${written} }`));
    expect(spec.budget.timeout).toBe(seconds);
    expect(spec.budget.trials).toBeUndefined();
  });

  test('a grid needs no budget: it ends when exhausted', () => {
    const spec = parseSweepSpec(`name: g
objective: ./objective.mjs
metric: { name: acc, goal: maximize }
sampler: { type: grid, shuffle: true }
parameters:
  cell: { values: [lstm, gru] }
  units: { int: [16, 64], step: 16 }
  dropout: { uniform: [0, 0.5], step: 0.25 }
  bias: { value: true }
`);
    expect(spec.sampler).toEqual({ type: 'grid', seed: 0, shuffle: true });
    expect(spec.budget).toEqual({ retries: 0 });
    expect(spec.space.params.map((p) => p.distribution)).toEqual([
      { kind: 'categorical', choices: ['lstm', 'gru'] },
      { kind: 'int', low: 16, high: 64, log: false, step: 16 },
      { kind: 'float', low: 0, high: 0.5, log: false, step: 0.25 },
      { kind: 'fixed', value: true },
    ]);
  });

  test('JSON input gives the same spec as the YAML it mirrors', () => {
    const json = JSON.stringify({
      name: 't',
      objective: 'noop',
      metric: { name: 'loss', goal: 'minimize' },
      budget: { trials: 5 },
      parameters: { x: { uniform: [0, 1] } },
    });
    expect(parseSweepSpec(json, { format: 'json' })).toEqual(parseSweepSpec(MINIMAL));
    expect(parseSweepSpec(json)).toEqual(parseSweepSpec(MINIMAL));
  });

  test('accepts (and drops) the $schema key JSON specs use to point editors at the schema', () => {
    const json = JSON.stringify({
      $schema: './node_modules/@loopsweep/core/schema/sweep-spec.schema.json',
      name: 't',
      objective: 'noop',
      metric: { name: 'loss', goal: 'minimize' },
      budget: { trials: 5 },
      parameters: { x: { uniform: [0, 1] } },
    });
    const spec = parseSweepSpec(json, { format: 'json' });
    expect(spec).toEqual(parseSweepSpec(MINIMAL));
    expect(spec).not.toHaveProperty('$schema');
  });

  test('a JSON syntax error names its line and column', () => {
    const error = catchSpecError(() => parseSweepSpec('{\n  "name": "t",\n  "objective" "noop"\n}', { format: 'json', source: 'sweep.json' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.path).toBe('');
    expect(error.problems[0]?.message).toMatch(/^JSON syntax error at line 3, column 15: /);
    expect(error.message).toContain('invalid sweep spec sweep.json');
  });

  test('an unterminated JSON document points at its end', () => {
    const error = catchSpecError(() => parseSweepSpec('{\n  "name": "t"', { format: 'json' }));
    expect(error.problems[0]?.message).toMatch(/^JSON syntax error at line 2, column 14: /);
  });

  test('an alias to an unknown anchor is a problem, not a crash', () => {
    const error = catchSpecError(() => parseSweepSpec('name: *missing\n'));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toMatch(/^YAML (syntax )?error/);
  });

  test('names the source file in the error', () => {
    const error = catchSpecError(() => parseSweepSpec('name: t\n', { source: 'sweeps/spam.yaml' }));
    expect(error.code).toBe('SPEC');
    expect(error.message.split('\n')[0]).toBe('invalid sweep spec sweeps/spam.yaml:');
    expect(error.message).toContain('  objective: required');
  });
});

describe('validateSweepSpec', () => {
  test('validates an already-parsed object', () => {
    const spec = validateSweepSpec({
      name: 'v',
      objective: '../objectives/train.js',
      metric: { name: 'm', goal: 'maximize' },
      budget: { timeout: '2h' },
      parameters: { n: { int: [1, 3] } },
    });
    expect(spec.budget.timeout).toBe(7200);
    expect(spec.space.params).toEqual([{ name: 'n', distribution: { kind: 'int', low: 1, high: 3, log: false, step: 1 } }]);
  });

  test('does not share arrays or objects with its input', () => {
    const input = { name: 'v', objective: 'noop', metric: { name: 'm', goal: 'maximize' }, budget: { trials: 1 }, parameters: { c: { values: ['a', 'b'] } } };
    const spec = validateSweepSpec(input);
    input.parameters.c.values.push('z');
    input.metric.name = 'changed';
    expect(spec.parameters['c']?.values).toEqual(['a', 'b']);
    expect(spec.space.params[0]?.distribution).toEqual({ kind: 'categorical', choices: ['a', 'b'] });
    expect(spec.metric.name).toBe('m');
  });

  test('accepts its own document again and gives the same spec (store and resume)', () => {
    const spec = parseSweepSpec(DESIGN_EXAMPLE.replace('budget: { trials: 60,', "budget: { timeout: '1h30m', trials: 60,"));
    const stored = JSON.parse(JSON.stringify(sweepSpecDocument(spec))) as unknown;
    expect(stored).not.toHaveProperty('space');
    expect(validateSweepSpec(stored)).toEqual(spec);
  });
});

describe('the example specs', () => {
  const dir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)) : [];

  test.skipIf(files.length === 0).each(files.length > 0 ? files : ['(none)'])('examples/%s parses', (file) => {
    const spec = parseSweepSpec(readFileSync(`${dir}${file}`, 'utf8'), { source: `examples/${file}` });
    expect(spec.space.params.length).toBeGreaterThan(0);
  });
});

function catchSpecError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}
