import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { hypervolume } from './hypervolume.js';

describe('hypervolume', () => {
  it('matches hand-computed 2D values, points outside the box and dominated ones adding nothing', () => {
    // Staircase (1,3), (2,2), (3,1) against (4,4): 3·1 + 2·1 + 1·1 = 6.
    const points = [
      [1, 3],
      [2, 2],
      [3, 1],
    ];
    expect(hypervolume(points, [4, 4], ['minimize', 'minimize'])).toBe(6);
    expect(hypervolume([...points, [2.5, 2.5], [5, 0], [1, 3]], [4, 4], ['minimize', 'minimize'])).toBe(6);
    expect(hypervolume([], [4, 4], ['minimize', 'minimize'])).toBe(0);
  });

  it('respects mixed directions: maximizing accuracy, minimizing seconds', () => {
    // Accuracy 0.9 at 30 s and 0.8 at 10 s, against (0.5, 50): 0.4·20 + 0.3·20 = 14.
    const volume = hypervolume(
      [
        [0.9, 30],
        [0.8, 10],
      ],
      [0.5, 50],
      ['maximize', 'minimize'],
    );
    expect(volume).toBeCloseTo(14, 12);
  });

  it('matches hand-computed 3D values', () => {
    const directions: Direction[] = ['minimize', 'minimize', 'minimize'];
    expect(hypervolume([[0, 0, 0]], [1, 2, 3], directions)).toBe(6);
    // Two unit-offset boxes in a 2-cube: 1·2·2 + 2·1·2 − 1·1·2 (their overlap) = 6.
    expect(
      hypervolume(
        [
          [1, 0, 0],
          [0, 1, 0],
        ],
        [2, 2, 2],
        directions,
      ),
    ).toBe(6);
    // Three corner-cut boxes in a 2-cube: each 4, pairwise overlaps 2 (×3), the triple overlap 1: 12 − 6 + 1 = 7.
    expect(
      hypervolume(
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        [2, 2, 2],
        directions,
      ),
    ).toBe(7);
    // Maximizing the last objective: reference 0 and a point at 3 give the same box as minimizing.
    expect(hypervolume([[0, 0, 3]], [1, 1, 0], ['minimize', 'minimize', 'maximize'])).toBe(3);
  });

  it('agrees with a Monte Carlo estimate in 4D', () => {
    const random = createRandom(3);
    const directions: Direction[] = ['minimize', 'maximize', 'minimize', 'maximize'];
    // Points on a concave-ish front, so many are mutually non-dominated.
    const points = Array.from({ length: 25 }, () => {
      const raw = [random(), random(), random(), random()];
      const norm = Math.hypot(...raw);
      return raw.map((x, k) => (k % 2 === 0 ? x / norm : 1 - x / norm));
    });
    const reference = [1.1, -0.1, 1.1, -0.1];
    const exact = hypervolume(points, reference, directions);
    // Uniform samples in the box [0, 1.1]⁴ of the minimized problem; the share dominated times the box volume.
    const samples = 100000;
    let hits = 0;
    for (let s = 0; s < samples; s++) {
      const u = [random() * 1.1, random() * 1.1, random() * 1.1, random() * 1.1];
      if (points.some((p) => p.every((value, k) => (k % 2 === 0 ? value : 1 - value) <= u[k]!))) hits++;
    }
    const estimate = (hits / samples) * 1.1 ** 4;
    // Binomial standard error at most √(0.25/1e5)·1.46 ≈ 0.0023; allow 4 of them.
    expect(exact).toBeGreaterThan(0.05);
    expect(Math.abs(exact - estimate)).toBeLessThan(0.01);
  });

  it('throws on a non-finite reference point', () => {
    expect(() => hypervolume([[1, 1]], [Infinity, 2], ['minimize', 'minimize'])).toThrow(/must be finite/);
  });
});
