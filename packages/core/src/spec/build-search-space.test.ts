import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { createSearchSpace } from './build-search-space.js';

describe('createSearchSpace', () => {
  test('maps each kind of parameter to its distribution', () => {
    const space = createSearchSpace({
      cell: { values: ['lstm', 'gru', 1, true] },
      dropout: { uniform: [0, 0.5] },
      lr: { log_uniform: [1e-4, 0.1] },
      layers: { int: [1, 4] },
      units: { int_log_uniform: [16, 256] },
      bias: { value: false },
      quantized: { uniform: [0.1, 0.9], step: 0.2 },
      width: { int: [32, 256], step: 32 },
      wide: { int_log_uniform: [8, 512], step: 8 },
    });
    expect(Object.fromEntries(space.params.map((p) => [p.name, p.distribution]))).toEqual({
      cell: { kind: 'categorical', choices: ['lstm', 'gru', 1, true] },
      dropout: { kind: 'float', low: 0, high: 0.5, log: false },
      lr: { kind: 'float', low: 1e-4, high: 0.1, log: true },
      layers: { kind: 'int', low: 1, high: 4, log: false, step: 1 },
      units: { kind: 'int', low: 16, high: 256, log: true, step: 1 },
      bias: { kind: 'fixed', value: false },
      quantized: { kind: 'float', low: 0.1, high: 0.9, log: false, step: 0.2 },
      width: { kind: 'int', low: 32, high: 256, log: false, step: 32 },
      wide: { kind: 'int', low: 8, high: 512, log: true, step: 8 },
    });
    expect(space.params.every((p) => p.when === undefined)).toBe(true);
  });

  test('puts parents first and keeps the given order otherwise', () => {
    const space = createSearchSpace({
      momentum: { uniform: [0.5, 0.99], when: { optimizer: 'momentum' } },
      lr: { log_uniform: [1e-4, 0.1] },
      nesterov: { values: [true, false], when: { momentum_kind: 'nesterov', optimizer: ['momentum', 'sgd'] } },
      momentum_kind: { values: ['classic', 'nesterov'], when: { optimizer: 'momentum' } },
      optimizer: { values: ['sgd', 'momentum', 'adam'] },
      dropout: { uniform: [0, 0.5] },
    });
    expect(space.params.map((p) => p.name)).toEqual(['lr', 'optimizer', 'momentum', 'momentum_kind', 'nesterov', 'dropout']);
    expect(space.params.find((p) => p.name === 'nesterov')?.when).toEqual({ momentum_kind: ['nesterov'], optimizer: ['momentum', 'sgd'] });
  });

  test('accepts conditions on numeric and boolean parents when the value is legal', () => {
    const space = createSearchSpace({
      layers: { int: [1, 3] },
      residual: { values: [true, false], when: { layers: [2, 3] } },
      gate: { value: 1, when: { residual: true } },
      q: { uniform: [0, 1], step: 0.25 },
      r: { value: 'x', when: { q: 0.75 } },
    });
    expect(space.params.map((p) => p.name)).toEqual(['layers', 'residual', 'gate', 'q', 'r']);
  });

  test('throws one SpecError with every problem, paths under parameters', () => {
    let error: unknown;
    try {
      createSearchSpace({ a: { int: [5, 1] }, b: { values: [1], when: { zz: 1 } }, c: 'oops' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems.map((p) => p.path)).toEqual(['parameters.a.int[1]', 'parameters.c', 'parameters.b.when.zz']);
  });

  test('checks a condition value only against a parent without problems of its own', () => {
    expect(() => createSearchSpace({ a: { int: [5, 1] }, b: { value: 1, when: { a: 99 } } })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'parameters.a.int[1]' })] }),
    );
  });

  test('names a cycle once, even with parameters hanging off it', () => {
    expect(() =>
      createSearchSpace({
        x: { values: [1], when: { y: 1 } },
        y: { values: [1], when: { x: 1 } },
        z: { values: [1], when: { y: 1 } },
      }),
    ).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'parameters', message: 'condition cycle x → y → x' })] }));
  });

  test('a grid sampler needs finitely many values per parameter; other samplers do not', () => {
    const parameters = { lr: { log_uniform: [1e-4, 0.1] }, layers: { int: [1, 3] } };
    expect(createSearchSpace(parameters, { sampler: 'tpe' }).params).toHaveLength(2);
    expect(() => createSearchSpace(parameters, { sampler: 'grid' })).toThrow(
      expect.objectContaining({
        problems: [
          { path: 'parameters.lr', message: 'grid search needs a finite set of values', hint: 'use values: [...], e.g. values: [1.0e-4, 1.0e-3, 1.0e-2]' },
        ],
      }),
    );
  });

  test("an empty mapping is an empty space (whether a spec may have one is the spec's rule)", () => {
    expect(createSearchSpace({})).toEqual({ params: [] });
  });
});
