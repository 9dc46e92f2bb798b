import { describe, expect, test } from 'vitest';
import { formatPath, valueAt } from './spec-path.js';

describe('spec paths', () => {
  test('formats keys with dots and indexes in brackets', () => {
    expect(formatPath(['parameters', 'lr', 'log_uniform', 0])).toBe('parameters.lr.log_uniform[0]');
    expect(formatPath([])).toBe('');
    expect(formatPath([2, 'a'])).toBe('[2].a');
  });

  test('quotes keys that would read ambiguously', () => {
    expect(formatPath(['parameters', 'hidden units'])).toBe('parameters["hidden units"]');
    expect(formatPath(['dataset', 'a.b'])).toBe('dataset["a.b"]');
  });

  test('finds the value at a path, or undefined', () => {
    const doc = { a: { b: [10, { c: 'x' }] } };
    expect(valueAt(doc, ['a', 'b', 1, 'c'])).toBe('x');
    expect(valueAt(doc, ['a', 'b', 0])).toBe(10);
    expect(valueAt(doc, ['a', 'missing', 0])).toBeUndefined();
    expect(valueAt(doc, ['a', 'toString'])).toBeUndefined();
  });
});
