import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './wire.js';

describe('toWire / fromWire', () => {
  it('carries NaN and infinities through JSON, which would turn them into null', () => {
    const value = {
      value: Number.NaN,
      metrics: { loss: Number.POSITIVE_INFINITY, acc: 0.5, low: Number.NEGATIVE_INFINITY },
      list: [1, Number.NaN],
      text: 'x',
      none: null,
    };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(value)))) as typeof value;
    expect(back).toEqual(value);
    expect(Number.isNaN(back.value)).toBe(true);
  });
});
