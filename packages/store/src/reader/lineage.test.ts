import { describe, expect, it } from 'vitest';
import { memberLineage, populationSlots } from './lineage.js';
import type { TrialRow } from './types.js';

function row(number: number, lr: number, lastStep: number, lineage?: TrialRow['lineage'], value?: number): TrialRow {
  return {
    number,
    state: 'COMPLETE',
    params: { lr, units: 8 },
    attempt: 1,
    updatedAt: 0,
    lastStep,
    ...(lineage ? { lineage } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

// 0 and 1 first generation; 2 continues 1 at step 4 in place of 0; 3 continues 2 at step 8 in place of 1.
const rows = [row(0, 0.5, 4), row(1, 0.2, 12), row(2, 0.1, 8, { parent: 1, step: 4, replaces: 0 }), row(3, 0.1, 12, { parent: 2, step: 8, replaces: 1 }, 0.01)];
const curves = new Map<number, [number, number][]>([
  [1, Array.from({ length: 12 }, (_, i) => [i + 1, 1 / (i + 1)] as [number, number])],
  [2, [5, 6, 7, 8].map((s) => [s, 0.05 * (9 - s)] as [number, number])],
]);

describe('memberLineage', () => {
  it('follows parents back and gives each segment its epochs and its value at the end', () => {
    const lineage = memberLineage(rows, curves, 3);
    expect(lineage.chain).toEqual([
      { number: 1, fromStep: 1, toStep: 4, params: { lr: 0.2, units: 8 }, value: 0.25 },
      { number: 2, fromStep: 5, toStep: 8, params: { lr: 0.1, units: 8 }, value: 0.05 },
      { number: 3, fromStep: 9, toStep: 12, params: { lr: 0.1, units: 8 }, value: 0.01 },
    ]);
    expect(lineage.schedule).toEqual({
      lr: [
        { from: 1, to: 4, value: 0.2 },
        { from: 5, to: 12, value: 0.1 },
      ],
      units: [{ from: 1, to: 12, value: 8 }],
    });
  });

  it('gives a trial without lineage one segment and a constant schedule', () => {
    expect(memberLineage(rows, curves, 1)).toEqual({
      trial: 1,
      chain: [{ number: 1, fromStep: 1, toStep: 12, params: { lr: 0.2, units: 8 }, value: 1 / 12 }],
      schedule: { lr: [{ from: 1, to: 12, value: 0.2 }], units: [{ from: 1, to: 12, value: 8 }] },
    });
    expect(() => memberLineage(rows, curves, 9)).toThrow(RangeError);
  });
});

describe('populationSlots', () => {
  it('puts an exploit trial in the slot of the member it replaces', () => {
    expect([...populationSlots(rows)]).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
  });
});
