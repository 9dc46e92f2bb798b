import { DatasetError } from '../errors.js';
import { createRandom, shuffled } from '../random.js';
import type { SplitOptions } from './types.js';

/** Indices into the examples, one array per part; every index appears in exactly one part. */
export interface SplitIndices {
  train: number[];
  validation: number[];
  test: number[];
}

/** Split options with defaults applied and validated. */
export interface ResolvedSplitOptions {
  readonly valSplit: number;
  readonly testSplit: number;
  readonly seed: number;
}

/**
 * Applies the defaults (valSplit 0.2, testSplit 0.1, seed 0) and checks the fractions.
 *
 * @throws DatasetError when a fraction is not a number in [0, 1), when the two sum to 1 or more
 *   (nothing would be left to train on), or when the seed is not an integer.
 */
export function resolveSplitOptions(options: SplitOptions): ResolvedSplitOptions {
  const valSplit = options.valSplit ?? 0.2;
  const testSplit = options.testSplit ?? 0.1;
  const seed = options.seed ?? 0;
  for (const [name, value] of [
    ['valSplit', valSplit],
    ['testSplit', testSplit],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
      throw new DatasetError(`${name} must be a fraction in [0, 1), got ${String(value)}; pass e.g. ${name}: ${name === 'valSplit' ? 0.2 : 0.1}`);
    }
  }
  if (valSplit + testSplit >= 1) {
    throw new DatasetError(
      `valSplit + testSplit must be below 1 so that some examples remain to train on, got ${valSplit} + ${testSplit} = ${valSplit + testSplit}; lower one of them`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new DatasetError(`seed must be an integer, got ${String(seed)}`);
  }
  return { valSplit, testSplit, seed };
}

/**
 * Splits example indices into train / validation / test, stratified by label: each class is
 * shuffled and cut in the same proportions (sizes rounded per class), so a rare class is not left
 * out of the validation or test set by chance. Each part is then shuffled, so a consumer that reads
 * it in order does not see one class after the other. Deterministic for a seed.
 *
 * @throws DatasetError on invalid fractions or seed (see {@link resolveSplitOptions}).
 */
export function stratifiedSplit(labels: readonly number[], options: SplitOptions): SplitIndices {
  const { valSplit, testSplit, seed } = resolveSplitOptions(options);
  const random = createRandom(seed);
  const parts: SplitIndices = { train: [], validation: [], test: [] };
  for (const members of indicesByClass(labels)) {
    cutInto(parts, shuffled(members, random), valSplit, testSplit);
  }
  return {
    train: shuffled(parts.train, random),
    validation: shuffled(parts.validation, random),
    test: shuffled(parts.test, random),
  };
}

/**
 * Splits `count` example indices into train / validation / test at random, without regard to any
 * label (for regression data). Deterministic for a seed.
 *
 * @throws DatasetError on invalid fractions or seed (see {@link resolveSplitOptions}).
 */
export function randomSplit(count: number, options: SplitOptions): SplitIndices {
  const { valSplit, testSplit, seed } = resolveSplitOptions(options);
  const parts: SplitIndices = { train: [], validation: [], test: [] };
  cutInto(parts, shuffled(range(count), createRandom(seed)), valSplit, testSplit);
  return parts;
}

/**
 * Picks `limit` example indices at random while keeping each class's share of the whole
 * (largest-remainder rounding, so the result has exactly `limit` indices). Returned in ascending
 * order; when `limit` is at least the number of examples, every index is returned.
 *
 * @throws DatasetError when `limit` is not a positive integer.
 */
export function stratifiedSubsample(labels: readonly number[], limit: number, seed: number): number[] {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new DatasetError(`limit must be a positive integer number of examples, got ${String(limit)}`);
  }
  if (limit >= labels.length) return range(labels.length);
  const random = createRandom(seed);
  const classes = indicesByClass(labels);
  const exact = classes.map((members) => (members.length * limit) / labels.length);
  const quotas = exact.map(Math.floor);
  let missing = limit - quotas.reduce((a, b) => a + b, 0);
  // Largest remainder: the classes that lost most to flooring get the leftover places; the sort
  // is stable, so ties go to the class with the smaller label, deterministically.
  const byRemainder = exact.map((value, k) => ({ k, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { k } of byRemainder) {
    if (missing === 0) break;
    quotas[k] = (quotas[k] ?? 0) + 1;
    missing--;
  }
  const picked = classes.flatMap((members, k) => shuffled(members, random).slice(0, quotas[k] ?? 0));
  return picked.sort((a, b) => a - b);
}

/** The indices of each class, classes in ascending label order, indices ascending. */
function indicesByClass(labels: readonly number[]): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const members = groups.get(label);
    if (members) members.push(index);
    else groups.set(label, [index]);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, members]) => members);
}

/** Appends the first test-sized slice of `order` to test, the next to validation, the rest to train. */
function cutInto(parts: SplitIndices, order: readonly number[], valSplit: number, testSplit: number): void {
  const testCount = Math.round(order.length * testSplit);
  // Rounding both up can never exceed the class size while valSplit + testSplit < 1, but clamp anyway.
  const valCount = Math.min(Math.round(order.length * valSplit), order.length - testCount);
  // A loop rather than push(...slice): spreading a million indices would overflow the call stack.
  order.forEach((index, position) => {
    if (position < testCount) parts.test.push(index);
    else if (position < testCount + valCount) parts.validation.push(index);
    else parts.train.push(index);
  });
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
