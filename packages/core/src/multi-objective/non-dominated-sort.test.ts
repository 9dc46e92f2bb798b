import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { constrainedDominates, dominates } from './dominance.js';
import { nonDominatedSort, ranksFromFronts } from './non-dominated-sort.js';

/** Deb's definition, literally: rank r holds the points dominated only by points of ranks < r. */
function naiveRanks(points: number[][], directions: Direction[], violations?: number[]): number[] {
  const ranks = new Array<number>(points.length).fill(-1);
  const beats = (a: number, b: number): boolean =>
    violations ? constrainedDominates(points[a]!, violations[a]!, points[b]!, violations[b]!, directions) : dominates(points[a]!, points[b]!, directions);
  for (let rank = 0; ranks.includes(-1); rank++) {
    const open = ranks.flatMap((r, i) => (r === -1 ? [i] : []));
    const front = open.filter((i) => !open.some((j) => beats(j, i)));
    for (const i of front) ranks[i] = rank;
  }
  return ranks;
}

describe('nonDominatedSort', () => {
  it('finds the fronts of a hand-made set, maximizing the second objective', () => {
    const points = [
      [1, 1],
      [2, 3],
      [3, 2],
      [4, 4],
      [2, 3],
      [5, 1],
    ];
    const fronts = nonDominatedSort(points, ['minimize', 'maximize']);
    // (4, 4) has the best second value but a worse first one than (1, 1), so both are on the front.
    expect(ranksFromFronts(fronts, points.length)).toEqual([0, 0, 1, 0, 0, 2]);
    expect(fronts[0]).toEqual([0, 1, 4, 3]);
  });

  it('agrees with the definition on random sets with ties, in 2 and 3 objectives and mixed directions', () => {
    const random = createRandom(5);
    for (const directions of [
      ['minimize', 'maximize'],
      ['maximize', 'minimize', 'minimize'],
    ] as Direction[][]) {
      for (let round = 0; round < 20; round++) {
        const points = Array.from({ length: 40 }, () => directions.map(() => Math.floor(random() * 6)));
        expect(ranksFromFronts(nonDominatedSort(points, directions), points.length)).toEqual(naiveRanks(points, directions));
      }
    }
  });

  it('puts feasible points first and infeasible ones by violation (constrained domination)', () => {
    const random = createRandom(8);
    const directions: Direction[] = ['minimize', 'minimize'];
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 30 }, () => [random(), random()]);
      const violations = points.map(() => (random() < 0.5 ? 0 : Math.floor(random() * 4)));
      expect(ranksFromFronts(nonDominatedSort(points, directions, { violations }), points.length)).toEqual(naiveRanks(points, directions, violations));
    }
  });

  it('stops after the front that reaches the limit', () => {
    const points = [[3], [1], [2], [1], [4]];
    expect(nonDominatedSort(points, ['minimize'], { limit: 2 })).toEqual([[1, 3]]);
    expect(nonDominatedSort(points, ['minimize'], { limit: 3 })).toEqual([[1, 3], [2]]);
  });

  it('throws on a violation list of the wrong length or a negative violation', () => {
    expect(() => nonDominatedSort([[1]], ['minimize'], { violations: [] })).toThrow(/0 violations for 1 points/);
    expect(() => nonDominatedSort([[1]], ['minimize'], { violations: [-1] })).toThrow(/must be >= 0/);
  });
});
