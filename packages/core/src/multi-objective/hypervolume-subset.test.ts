import { describe, expect, it } from 'vitest';
import { hypervolume } from './hypervolume.js';
import { selectByHypervolume } from './hypervolume-subset.js';

describe('selectByHypervolume', () => {
  it('keeps the spread-out points of a front and drops the bunched ones', () => {
    const points = [
      [0, 10],
      [4.9, 5.1],
      [5, 5],
      [5.1, 4.9],
      [10, 0],
    ];
    const kept = selectByHypervolume(points, 3, [11, 11], ['minimize', 'minimize']);
    expect(kept).toHaveLength(3);
    expect(kept).toContain(0);
    expect(kept).toContain(4);
    // Greedy is not always optimal (here it keeps 45.99 of the best triple's 46), but close.
    const volume = (indices: number[]) =>
      hypervolume(
        indices.map((i) => points[i]!),
        [11, 11],
        ['minimize', 'minimize'],
      );
    for (let a = 0; a < 5; a++)
      for (let b = a + 1; b < 5; b++) for (let c = b + 1; c < 5; c++) expect(volume(kept)).toBeGreaterThanOrEqual(0.99 * volume([a, b, c]));
  });

  it('keeps everything when there is room, and nothing for a count of 0', () => {
    expect(selectByHypervolume([[1, 2]], 3, [3, 3], ['minimize', 'minimize'])).toEqual([0]);
    expect(selectByHypervolume([[1, 2]], 0, [3, 3], ['minimize', 'minimize'])).toEqual([]);
  });
});
