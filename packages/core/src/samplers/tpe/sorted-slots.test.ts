import { describe, expect, it } from 'vitest';
import { sortedSlots } from './sorted-slots.js';

/** The reference: a stable comparator sort of the indices. */
function referenceSlots(values: Float64Array): number[] {
  const order = Array.from(values, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const slots = new Array<number>(values.length);
  order.forEach((index, slot) => (slots[index] = slot));
  return slots;
}

describe('sortedSlots', () => {
  it('orders equal values by index', () => {
    expect(Array.from(sortedSlots(Float64Array.of(3, 1, 3, -2, 1, 3)))).toEqual([3, 1, 4, 0, 2, 5]);
  });

  it.each([0, 1, 2, 17, 1000])('matches a stable comparator sort on %d values with many ties', (n) => {
    let state = n + 1;
    // A small LCG: reproducible values, a third of them drawn from a handful of repeats.
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = Float64Array.from({ length: n }, () => (next() < 0.33 ? Math.floor(next() * 5) : next() * 10 - 5));
    expect(Array.from(sortedSlots(values))).toEqual(referenceSlots(values));
  });

  it('handles sorted and reversed input', () => {
    const up = Float64Array.from({ length: 500 }, (_, i) => i);
    expect(Array.from(sortedSlots(up))).toEqual(referenceSlots(up));
    const down = up.slice().reverse();
    expect(Array.from(sortedSlots(down))).toEqual(referenceSlots(down));
  });
});
