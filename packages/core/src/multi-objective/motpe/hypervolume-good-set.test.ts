import { describe, expect, it } from 'vitest';
import { hypervolumeMinimized } from '../hypervolume.js';
import { greedyHypervolumeSubset, hypervolumeWeights, MOTPE_EPS, motpeReferencePoint } from './hypervolume-good-set.js';

describe('motpeReferencePoint', () => {
  it('moves each worst value out by 10% of its size, and a 0 to a tiny positive number', () => {
    const reference = motpeReferencePoint([
      [1, -4, 0],
      [2, -5, -1],
    ]);
    expect(reference[0]).toBeCloseTo(2.2, 12);
    expect(reference[1]).toBeCloseTo(-3.6, 12);
    expect(reference[2]).toBe(MOTPE_EPS);
  });
});

describe('greedyHypervolumeSubset', () => {
  // Reference (11, 11). Boxes: the middle (5, 5) is the largest (36) and goes first; then the
  // extremes each add 11 − 6 = 5 while (4.9, 5.1) adds 35.99 − 35.4 = 0.59; after (0, 10),
  // (10, 0) still adds 5 and (4.9, 5.1) only 35.99 − 35.5 = 0.49.
  const points = [
    [0, 10],
    [4.9, 5.1],
    [5, 5],
    [5.1, 4.9],
    [10, 0],
  ];

  it('adds the point with the largest gain each step (hand-computed, 2 objectives)', () => {
    expect(greedyHypervolumeSubset(points, 1, [11, 11])).toEqual([2]);
    expect(greedyHypervolumeSubset(points, 2, [11, 11])).toEqual([0, 2]);
    expect(greedyHypervolumeSubset(points, 3, [11, 11])).toEqual([0, 2, 4]);
    expect(greedyHypervolumeSubset(points, 5, [11, 11])).toEqual([0, 1, 2, 3, 4]);
  });

  it('matches the eager greedy (every gain recomputed each step) on random fronts of 2 and 3 objectives', () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (const m of [2, 3]) {
      for (let run = 0; run < 10; run++) {
        const cloud = Array.from({ length: 20 }, () => Array.from({ length: m }, random));
        const reference = motpeReferencePoint(cloud);
        const eager: number[] = [];
        for (let step = 0; step < 6; step++) {
          const volume = (set: number[]) =>
            hypervolumeMinimized(
              set.map((i) => cloud[i] as number[]),
              reference,
            );
          let best = -1;
          let bestGain = -Infinity;
          cloud.forEach((_, i) => {
            if (eager.includes(i)) return;
            const gain = volume([...eager, i]) - volume(eager);
            if (gain > bestGain + 1e-12) [best, bestGain] = [i, gain];
          });
          eager.push(best);
        }
        expect(greedyHypervolumeSubset(cloud, 6, reference)).toEqual(eager.sort((a, b) => a - b));
      }
    }
  });
});

describe('hypervolumeWeights', () => {
  it('weighs each good trial by its exclusive contribution over the largest (hand-computed): a dominated one next to nothing', () => {
    // Reference (3.3, 3.3). Contributions: (1, 3) → 1 × 0.3, (2, 2) → 1 × 1, (3, 1) → 0.3 × 1, (3, 3) → 0.
    const weights = hypervolumeWeights([
      [1, 3],
      [2, 2],
      [3, 1],
      [3, 3],
    ]);
    expect(weights[0]).toBeCloseTo(0.3, 9);
    expect(weights[1]).toBe(1);
    expect(weights[2]).toBeCloseTo(0.3, 9);
    expect(weights[3]).toBeGreaterThan(0);
    expect(weights[3]).toBeLessThan(1e-9);
  });

  it('gives 1 to a lone trial, and to every trial when a value is infinite', () => {
    expect(hypervolumeWeights([])).toEqual([]);
    expect(hypervolumeWeights([[1, 2]])).toEqual([1]);
    expect(
      hypervolumeWeights([
        [1, Infinity],
        [2, 2],
      ]),
    ).toEqual([1, 1]);
  });

  it('works for 3 objectives: the symmetric extremes weigh the same', () => {
    const weights = hypervolumeWeights([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(weights).toEqual([1, 1, 1]);
  });
});
