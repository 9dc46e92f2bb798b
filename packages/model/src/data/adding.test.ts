import { describe, expect, test } from 'vitest';
import { DatasetError } from '../errors.js';
import { makeAddingProblem } from './adding.js';
import type { SequenceDataset } from './types.js';

const all = (d: SequenceDataset) => ({
  sequences: [...d.train.sequences, ...d.validation.sequences, ...d.test.sequences],
  targets: [...d.train.targets, ...d.validation.targets, ...d.test.targets],
});

describe('makeAddingProblem', () => {
  test('has the declared shape and split sizes', () => {
    const dataset = makeAddingProblem({ timesteps: 10, size: 50, seed: 1 });
    expect(dataset).toMatchObject({ kind: 'sequence', task: 'regression', name: 'adding', timesteps: 10, features: 2 });
    expect([dataset.train.sequences.length, dataset.validation.sequences.length, dataset.test.sequences.length]).toEqual([35, 10, 5]);
    expect(dataset.train.targets).toHaveLength(35);
    for (const sequence of all(dataset).sequences) {
      expect(sequence).toBeInstanceOf(Float32Array);
      expect(sequence).toHaveLength(20);
    }
  });

  test('marks exactly two steps, one per half, and the target is the sum of their values', () => {
    const timesteps = 11;
    const { sequences, targets } = all(makeAddingProblem({ timesteps, size: 200, seed: 2 }));
    const firstHalfPositions = new Set<number>();
    sequences.forEach((sequence, i) => {
      const marked: number[] = [];
      for (let t = 0; t < timesteps; t++) {
        const value = sequence[t * 2] as number;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
        const marker = sequence[t * 2 + 1];
        expect(marker === 0 || marker === 1).toBe(true);
        if (marker === 1) marked.push(t);
      }
      expect(marked).toHaveLength(2);
      const [first, second] = marked as [number, number];
      expect(first).toBeLessThan(5); // floor(11 / 2)
      expect(second).toBeGreaterThanOrEqual(5);
      firstHalfPositions.add(first);
      expect(targets[i]).toBe((sequence[first * 2] as number) + (sequence[second * 2] as number));
    });
    // Positions really vary over the half, not always the same step.
    expect(firstHalfPositions.size).toBe(5);
  });

  test('values are spread over [0, 1): mean near 0.5, targets near 1', () => {
    const { sequences, targets } = all(makeAddingProblem({ timesteps: 20, size: 500, seed: 3 }));
    const values = sequences.flatMap((s) => Array.from(s.filter((_, k) => k % 2 === 0)));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const targetMean = targets.reduce((a, b) => a + b, 0) / targets.length;
    expect(targetMean).toBeGreaterThan(0.9);
    expect(targetMean).toBeLessThan(1.1);
  });

  test('with 2 timesteps the markers are on steps 0 and 1', () => {
    const { sequences } = all(makeAddingProblem({ timesteps: 2, size: 5 }));
    for (const sequence of sequences) expect([sequence[1], sequence[3]]).toEqual([1, 1]);
  });

  test('is deterministic for a seed and differs between seeds', () => {
    const a = makeAddingProblem({ timesteps: 8, size: 30, seed: 5 });
    const b = makeAddingProblem({ timesteps: 8, size: 30, seed: 5 });
    const c = makeAddingProblem({ timesteps: 8, size: 30, seed: 6 });
    expect(b.train.sequences).toEqual(a.train.sequences);
    expect(b.test.targets).toEqual(a.test.targets);
    expect(c.train.targets).not.toEqual(a.train.targets);
  });

  test('defaults to 2000 examples', () => {
    const { sequences } = all(makeAddingProblem({ timesteps: 3 }));
    expect(sequences).toHaveLength(2000);
  });

  test.each([
    [{ timesteps: 1 }, 'timesteps must be an integer of at least 2 (one marker per half), got 1'],
    [{ timesteps: 4.5 }, 'got 4.5'],
    [{ timesteps: 4, size: 0 }, 'size must be a positive integer number of examples, got 0'],
    [{ timesteps: 4, valSplit: 0.95, testSplit: 0.1 }, 'valSplit + testSplit must be below 1'],
  ])('rejects %o', (options, message) => {
    expect(() => makeAddingProblem(options)).toThrow(DatasetError);
    expect(() => makeAddingProblem(options)).toThrow(message);
  });
});
