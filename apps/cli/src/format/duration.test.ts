import { describe, expect, it } from 'vitest';
import { formatDuration, formatEta, formatRate } from './duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0.0s'],
    [0.44, '0.4s'],
    [9.96, '10.0s'],
    [42.4, '42s'],
    [59.6, '1m00s'],
    [185, '3m05s'],
    [3600, '1h00m'],
    [3725, '1h02m'],
    [86400 + 3 * 3600, '1d03h'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('prints unknown durations as a dash', () => {
    for (const value of [undefined, -1, Number.NaN, Infinity]) expect(formatDuration(value)).toBe('—');
  });
});

describe('formatEta', () => {
  it('says done at zero, a dash while unknown', () => {
    expect(formatEta(0)).toBe('done');
    expect(formatEta(undefined)).toBe('ETA —');
    expect(formatEta(75)).toBe('ETA 1m15s');
  });
});

describe('formatRate', () => {
  it('keeps two significant digits for slow sweeps', () => {
    expect(formatRate(0)).toBe('—/min');
    expect(formatRate(0.854)).toBe('0.85/min');
    expect(formatRate(3.21)).toBe('3.2/min');
    expect(formatRate(42.4)).toBe('42/min');
  });
});
