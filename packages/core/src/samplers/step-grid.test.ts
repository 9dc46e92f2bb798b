import { describe, expect, it } from 'vitest';
import { enumerate } from '../search-space/distributions.js';
import { gridSize, gridValue, logGridEdges, snapToGrid } from './step-grid.js';

describe('step grids', () => {
  const tenths = { kind: 'float', low: 0.1, high: 0.7, log: false, step: 0.1 } as const;

  it('agree with enumerate on the points', () => {
    expect(gridSize(tenths, 0.1)).toBe(7);
    expect(Array.from({ length: 7 }, (_, k) => gridValue(tenths, 0.1, k))).toEqual(enumerate(tenths));
    const ints = { kind: 'int', low: -3, high: 9, log: false, step: 4 } as const;
    expect(Array.from({ length: gridSize(ints, 4) }, (_, k) => gridValue(ints, 4, k))).toEqual(enumerate(ints));
  });

  it('snap to the nearest point and clamp to the ends', () => {
    expect([0.149, 0.151, -5, 0.64, 9].map((x) => snapToGrid(tenths, 0.1, x))).toEqual([0.1, 0.2, 0.1, 0.6, 0.7]);
  });

  it('put log int cell edges half a step out, the lower one never below low/2', () => {
    expect(logGridEdges({ kind: 'int', low: 16, high: 256, log: true, step: 1 }, 1)).toEqual([15.5, 256.5]);
    expect(logGridEdges({ kind: 'int', low: 1, high: 9, log: true, step: 2 }, 2)).toEqual([0.5, 10]);
  });
});
