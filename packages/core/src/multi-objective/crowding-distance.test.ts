import { describe, expect, it } from 'vitest';
import { crowdingDistance } from './crowding-distance.js';

describe('crowdingDistance', () => {
  it('gives the ends Infinity and inner points the normalized neighbour gaps summed over objectives', () => {
    const front = [
      [0, 4],
      [1, 3],
      [3, 1],
      [4, 0],
    ];
    // Point 1: (3 − 0)/4 in x and (4 − 1)/4 in y; point 2: (4 − 1)/4 and (3 − 0)/4.
    expect(crowdingDistance(front)).toEqual([Infinity, 1.5, 1.5, Infinity]);
  });

  it('ranks a point in a crowded stretch below one in a sparse stretch', () => {
    const d = crowdingDistance([
      [0, 10],
      [1, 9],
      [1.1, 8.9],
      [6, 4],
      [10, 0],
    ]);
    expect(d[2]!).toBeGreaterThan(d[1]!);
    expect(d[3]!).toBeGreaterThan(d[2]!);
  });

  it('treats fronts of one or two points as all ends, and a flat objective as adding nothing', () => {
    expect(crowdingDistance([[1, 2]])).toEqual([Infinity]);
    expect(crowdingDistance([[1], [2]])).toEqual([Infinity, Infinity]);
    expect(
      crowdingDistance([
        [0, 5],
        [1, 5],
        [2, 5],
      ])[1],
    ).toBe(1);
  });

  it('sorts infinite values like any other, and an objective with an infinite range adds nothing inside', () => {
    expect(
      crowdingDistance([
        [0, Infinity],
        [1, 5],
        [2, 4],
        [3, 0],
      ]),
    ).toEqual([Infinity, 2 / 3, 2 / 3, Infinity]); // x's gaps only: y's range is infinite
  });
});
