import { describe, expect, test } from 'vitest';
import { durationSeconds } from './duration.js';

describe('durationSeconds', () => {
  test.each([
    ['45s', 45],
    ['30m', 1800],
    ['2h', 7200],
    ['1h30m', 5400],
    ['1h30m15s', 5415],
    ['2m30s', 150],
    ['0.25h', 900],
    ['0s', 0],
  ])('%s is %d seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  test.each(['', '90', 'h', '30m1h', '1d', '1 h', '-5m', 'soon', '1.h'])('%j is not a duration', (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });
});
