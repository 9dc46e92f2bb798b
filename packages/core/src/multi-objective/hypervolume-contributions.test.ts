import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { hypervolume } from './hypervolume.js';
import { hypervolumeContributions } from './hypervolume-contributions.js';

/** The definition: the hypervolume lost by removing each point alone. */
function leaveOneOut(points: number[][], reference: number[], directions: Direction[]): number[] {
  const total = hypervolume(points, reference, directions);
  return points.map(
    (_, i) =>
      total -
      hypervolume(
        points.filter((__, j) => j !== i),
        reference,
        directions,
      ),
  );
}

describe('hypervolumeContributions', () => {
  it('gives each 2D stair its exclusive rectangle, and 0 to dominated points and duplicates', () => {
    const points = [
      [1, 3],
      [2, 2],
      [3, 1],
      [3, 3],
      [2, 2],
    ];
    expect(hypervolumeContributions(points, [4, 4], ['minimize', 'minimize'])).toEqual([1, 0, 1, 0, 0]);
  });

  it('subtracts what a dominated point keeps covering: (1,1) over (2,2) in a 3-box adds 3, not 4', () => {
    expect(
      hypervolumeContributions(
        [
          [1, 1],
          [2, 2],
        ],
        [3, 3],
        ['minimize', 'minimize'],
      ),
    ).toEqual([3, 0]);
  });

  it('equals leave-one-out on random sets in 2D and 3D with mixed directions', () => {
    const random = createRandom(12);
    for (const directions of [
      ['minimize', 'maximize'],
      ['maximize', 'minimize', 'minimize'],
    ] as Direction[][]) {
      for (let round = 0; round < 10; round++) {
        const points = Array.from({ length: 15 }, () => directions.map(() => Math.round(random() * 10) / 10));
        const reference = directions.map((d) => (d === 'minimize' ? 1.05 : -0.05));
        const expected = leaveOneOut(points, reference, directions);
        hypervolumeContributions(points, reference, directions).forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 12));
      }
    }
  });
});
