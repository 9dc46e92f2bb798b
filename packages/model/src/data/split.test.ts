import { describe, expect, test } from 'vitest';
import { DatasetError } from '../errors.js';
import { randomSplit, stratifiedSplit, stratifiedSubsample } from './split.js';

// 100 of class 0, 37 of class 1, 13 of class 2, interleaved so that position says nothing of class.
const labels = Array.from({ length: 150 }, (_, i) => (i % 3 === 1 && i < 111 ? 1 : i % 3 === 2 && i < 39 ? 2 : 0));

function countByClass(indices: readonly number[]): number[] {
  const counts = [0, 0, 0];
  for (const i of indices) counts[labels[i] as number] = (counts[labels[i] as number] ?? 0) + 1;
  return counts;
}

describe('stratifiedSplit', () => {
  test('the fixture has the class sizes the expectations assume', () => {
    expect(countByClass(labels.map((_, i) => i))).toEqual([100, 37, 13]);
  });

  test('cuts every class in the same proportions, rounding per class', () => {
    const parts = stratifiedSplit(labels, { valSplit: 0.2, testSplit: 0.1, seed: 1 });
    // test = round(n × 0.1), validation = round(n × 0.2), train = the rest, per class.
    expect(countByClass(parts.test)).toEqual([10, 4, 1]);
    expect(countByClass(parts.validation)).toEqual([20, 7, 3]);
    expect(countByClass(parts.train)).toEqual([70, 26, 9]);
  });

  test('uses valSplit 0.2 and testSplit 0.1 by default', () => {
    const parts = stratifiedSplit(labels, {});
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([105, 30, 15]);
  });

  test('puts every index in exactly one part', () => {
    const parts = stratifiedSplit(labels, { valSplit: 0.25, testSplit: 0.15, seed: 9 });
    const all = [...parts.train, ...parts.validation, ...parts.test].sort((a, b) => a - b);
    expect(all).toEqual(labels.map((_, i) => i));
  });

  test('is deterministic for a seed and differs between seeds', () => {
    const a = stratifiedSplit(labels, { seed: 42 });
    expect(stratifiedSplit(labels, { seed: 42 })).toEqual(a);
    expect(stratifiedSplit(labels, { seed: 43 }).test).not.toEqual(a.test);
  });

  test('shuffles the classes together within a part', () => {
    const { train } = stratifiedSplit(labels, { seed: 5 });
    const firstHundred = countByClass(train.slice(0, 100));
    // Grouped by class, the first 100 training indices would all be class 0 (70) then class 1.
    expect(firstHundred[2]).toBeGreaterThan(0);
  });

  test('allows zero validation and test fractions', () => {
    const parts = stratifiedSplit(labels, { valSplit: 0, testSplit: 0 });
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([150, 0, 0]);
  });

  test.each([
    [{ valSplit: 1 }, /valSplit must be a fraction in \[0, 1\), got 1/],
    [{ valSplit: -0.1 }, /valSplit must be a fraction in \[0, 1\), got -0.1/],
    [{ testSplit: Number.NaN }, /testSplit must be a fraction in \[0, 1\), got NaN/],
    [{ valSplit: 0.6, testSplit: 0.4 }, /valSplit \+ testSplit must be below 1.*0.6 \+ 0.4 = 1/],
    [{ seed: 1.5 }, /seed must be an integer, got 1.5/],
  ])('rejects %o with a DatasetError', (options, message) => {
    expect(() => stratifiedSplit(labels, options)).toThrow(DatasetError);
    expect(() => stratifiedSplit(labels, options)).toThrow(message);
  });
});

describe('randomSplit', () => {
  test('cuts the indices by the fractions and covers each once', () => {
    const parts = randomSplit(50, { valSplit: 0.2, testSplit: 0.1, seed: 3 });
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([35, 10, 5]);
    expect([...parts.train, ...parts.validation, ...parts.test].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(randomSplit(50, { seed: 3 })).toEqual(parts);
    expect(randomSplit(50, { seed: 4 }).test).not.toEqual(parts.test);
  });

  test('validates the fractions', () => {
    expect(() => randomSplit(10, { testSplit: 1.2 })).toThrow(/testSplit must be a fraction/);
  });
});

describe('stratifiedSubsample', () => {
  test('keeps the class shares with largest-remainder rounding, exactly `limit` indices', () => {
    // Shares of 30: 20, 7.4, 2.6 → floors 20, 7, 2; the leftover place goes to class 2 (0.6).
    const kept = stratifiedSubsample(labels, 30, 0);
    expect(kept).toHaveLength(30);
    expect(countByClass(kept)).toEqual([20, 7, 3]);
    expect(new Set(kept).size).toBe(30);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
  });

  test('is deterministic for a seed and differs between seeds', () => {
    expect(stratifiedSubsample(labels, 30, 7)).toEqual(stratifiedSubsample(labels, 30, 7));
    expect(stratifiedSubsample(labels, 30, 8)).not.toEqual(stratifiedSubsample(labels, 30, 7));
  });

  test('returns every index when the limit is not below the count', () => {
    expect(stratifiedSubsample([1, 0, 1], 3, 0)).toEqual([0, 1, 2]);
    expect(stratifiedSubsample([1, 0, 1], 10, 0)).toEqual([0, 1, 2]);
  });

  test.each([0, -5, 2.5])('rejects limit %s', (limit) => {
    expect(() => stratifiedSubsample(labels, limit, 0)).toThrow(DatasetError);
    expect(() => stratifiedSubsample(labels, limit, 0)).toThrow(`limit must be a positive integer number of examples, got ${limit}`);
  });
});
