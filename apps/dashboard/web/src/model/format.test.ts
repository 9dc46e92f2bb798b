import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatParam, formatPercent } from './format';

describe('format', () => {
  it('numbers: 4 significant digits, exponents at the extremes, NaN and none', () => {
    expect(formatNumber(0.958333)).toBe('0.9583');
    expect(formatNumber(123456)).toBe('1.235e+5');
    expect(formatNumber(0.0001234)).toBe('1.234e-4');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('NaN');
    expect(formatNumber(undefined)).toBe('—');
  });

  it('params and percentages', () => {
    expect(formatParam('adam')).toBe('adam');
    expect(formatParam(true)).toBe('true');
    expect(formatParam(0.00123456)).toBe('0.001235');
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(0, 0)).toBe('—');
  });

  it('durations from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4m 05s');
    expect(formatDuration(7_800_000)).toBe('2h 10m');
  });
});
