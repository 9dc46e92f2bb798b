/**
 * Dodge et al. 2019, "Show your work": the expected best validation score after n trials, read
 * from the empirical distribution of a group's completed trials. It compares strategies at an
 * equal budget — a strategy with more trials has a better maximum just by having drawn more — and
 * shows how fast each one pays off as the budget grows.
 */
import { createRandom } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { DEFAULT_RESAMPLES, SortedResampler, percentileInterval } from './bootstrap.js';
import { assertConfidence, assertFinite, assertResamples, assertSeed } from './validate.js';

/**
 * The expected best of `n` draws with replacement from the values in `sorted` (ascending): for
 * 'maximize' Σᵢ v₍ᵢ₎ [(i/N)ⁿ − ((i−1)/N)ⁿ], the exact mean of the maximum under the empirical
 * distribution; for 'minimize' the same with the order reversed (the expected minimum).
 * Assumes `sorted` is non-empty, finite and ascending, and n ≥ 1.
 */
export function expectedBestSorted(sorted: ArrayLike<number>, n: number, direction: Direction): number {
  const size = sorted.length;
  const weights = maxWeights(size, n);
  let total = 0;
  for (let i = 1; i <= size; i++) {
    // For 'minimize' the i-th worst value is the i-th largest.
    const value = (direction === 'maximize' ? sorted[i - 1] : sorted[size - i]) as number;
    total += value * (weights[i - 1] as number);
  }
  return total;
}

// The weights depend only on N and n, and a bootstrap asks for the same pair hundreds of times:
// computing them once turns N pows per call into N multiply-adds.
const WEIGHTS_KEPT = 128;
const weightCache = new Map<string, Float64Array>();

/** (i/N)ⁿ − ((i−1)/N)ⁿ for i = 1…N: the chance that the i-th smallest of N values is the maximum of n draws. */
function maxWeights(size: number, n: number): Float64Array {
  const key = `${size}:${n}`;
  let weights = weightCache.get(key);
  if (weights) return weights;
  weights = new Float64Array(size);
  let below = 0; // ((i − 1)/N)ⁿ, carried so each step costs one pow
  for (let i = 1; i <= size; i++) {
    const upTo = (i / size) ** n;
    weights[i - 1] = upTo - below;
    below = upTo;
  }
  if (weightCache.size >= WEIGHTS_KEPT) weightCache.delete(weightCache.keys().next().value as string);
  weightCache.set(key, weights);
  return weights;
}

export interface ExpectedBestCurveOptions {
  readonly direction: Direction;
  /** The largest budget n on the curve. Default: the number of values. */
  readonly upTo?: number;
  /** Of the band. Default 0.95. */
  readonly confidence?: number;
  /** Bootstrap resamples for the band. Default 2000. */
  readonly resamples?: number;
  readonly seed: number;
}

/** Expected best after n = 1…upTo trials, index n − 1, with a pointwise bootstrap band. */
export interface ExpectedBestCurve {
  readonly expected: number[];
  readonly low: number[];
  readonly high: number[];
}

/**
 * The expected-best curve of one group for budgets 1…upTo and a pointwise percentile bootstrap
 * band (resample the group's values, recompute the curve). The band shows how much the curve
 * depends on which trials happened to run; it widens for n near N, where the expectation leans on
 * the few best values. Plain percentile, not expanded (percentileInterval): the small-sample
 * expansion is derived for means, and an expected maximum is not one. Costs resamples × N × upTo
 * multiply-adds.
 *
 * Assumes the values are i.i.d. draws of one strategy's outcome; trials picked adaptively (TPE)
 * are not, so a curve from an adaptive sweep is descriptive only.
 *
 * @throws RangeError `values must not be empty`, `values[i] must be a finite number, got X`,
 *   `upTo must be an integer >= 1, got X`, `confidence must be a number in (0, 1), got X`,
 *   `resamples must be an integer >= 100, got X`, `seed must be an integer, got X`
 */
export function expectedBestCurve(values: readonly number[], options: ExpectedBestCurveOptions): ExpectedBestCurve {
  const upTo = options.upTo ?? values.length;
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (values.length === 0) throw new RangeError('values must not be empty');
  assertFinite(values, 'values');
  if (!Number.isInteger(upTo) || upTo < 1) throw new RangeError(`upTo must be an integer >= 1, got ${upTo}`);
  assertConfidence(confidence);
  assertResamples(resamples);
  assertSeed(options.seed);
  const sorted = Float64Array.from(values).sort();
  const random = createRandom(options.seed);
  const buffer = new Float64Array(values.length);
  const draws = Array.from({ length: upTo }, () => new Float64Array(resamples));
  const resampler = new SortedResampler(values);
  for (let b = 0; b < resamples; b++) {
    resampler.drawInto(random, buffer);
    for (let n = 1; n <= upTo; n++) (draws[n - 1] as Float64Array)[b] = expectedBestSorted(buffer, n, options.direction);
  }
  const bands = draws.map((d) => percentileInterval(d.sort(), confidence));
  return {
    expected: bands.map((_, i) => expectedBestSorted(sorted, i + 1, options.direction)),
    low: bands.map((band) => band[0]),
    high: bands.map((band) => band[1]),
  };
}
