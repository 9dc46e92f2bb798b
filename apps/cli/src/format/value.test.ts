import { describe, expect, it } from 'vitest';
import { formatNumber, formatParams } from './value.js';

describe('formatNumber', () => {
  it.each([
    [undefined, '—'],
    [Number.NaN, 'NaN'],
    [Infinity, 'Inf'],
    [-Infinity, '-Inf'],
    [0, '0'],
    [12, '12'],
    [0.95123456, '0.9512'],
    [0.000123, '1.230e-4'],
    [123.456, '123.5'],
    [1e9 + 0.5, '1.000e+9'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('formatParams', () => {
  it('follows the given order, then the rest', () => {
    expect(formatParams({ lr: 0.00312, cell: 'gru', extra: true }, ['cell', 'lr'])).toBe('cell=gru lr=0.00312 extra=true');
  });
});
