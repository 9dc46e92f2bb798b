/**
 * Seeded bootstrap (Efron 1979): resample a group's values with replacement many times, recompute
 * a statistic each time, and read its spread from the resulting distribution. Pure: the caller
 * passes the RNG (see random.ts), so the same data and seed give the same interval.
 */
import { createRandom, type RandomSource } from '../random.js';
import { quantileSorted } from './quantile.js';
import { normalCdf, studentTQuantile } from './student-t.js';
import { assertConfidence, assertFinite, assertResamples, assertSeed } from './validate.js';

/** Resamples per bootstrap unless told otherwise: enough for 95% percentile bounds to settle to ~1% of the spread. */
export const DEFAULT_RESAMPLES = 2000;

/**
 * Fills `out` with `out.length` draws with replacement from `values` and sorts it ascending (so
 * order-based statistics such as the IQM can use it directly). Returns `out`.
 * Assumes `values` is non-empty.
 */
export function resampleSortedInto(values: ArrayLike<number>, random: RandomSource, out: Float64Array): Float64Array {
  const n = values.length;
  for (let i = 0; i < out.length; i++) out[i] = values[Math.floor(random() * n)] as number;
  return out.sort();
}

/**
 * resampleSortedInto for many draws from one group, in O(N) per draw instead of a sort: the values
 * are ranked once, and each draw counts how often each rank is picked, then writes the ranks out in
 * order. It consumes `random` exactly as resampleSortedInto does and picks the same values, so its
 * draws are the same sorted arrays; at 10,000 trials that turns seconds of sorting into
 * milliseconds. Assumes `values` is non-empty and finite.
 */
export class SortedResampler {
  readonly #sorted: Float64Array;
  /** The position of values[i] in #sorted. */
  readonly #rank: Uint32Array;
  readonly #counts: Uint32Array;

  constructor(values: ArrayLike<number>) {
    const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    this.#sorted = Float64Array.from(order, (i) => values[i] as number);
    this.#rank = new Uint32Array(values.length);
    order.forEach((original, position) => (this.#rank[original] = position));
    this.#counts = new Uint32Array(values.length);
  }

  /** Fills `out` with `out.length` draws with replacement, ascending, and returns it. */
  drawInto(random: RandomSource, out: Float64Array): Float64Array {
    const n = this.#sorted.length;
    const counts = this.#counts;
    counts.fill(0);
    for (let i = 0; i < out.length; i++) counts[this.#rank[Math.floor(random() * n)] as number]! += 1;
    let w = 0;
    for (let p = 0; p < n; p++) {
      const value = this.#sorted[p] as number;
      for (let c = counts[p] as number; c > 0; c--) out[w++] = value;
    }
    return out;
  }
}

/**
 * The bootstrap distribution of `statistic` over `values`: `resamples` values, sorted ascending.
 * `statistic` receives a sorted resample of the same size as `values` (a reused buffer: read it,
 * don't keep it).
 *
 * @throws RangeError `values must not be empty`
 */
export function bootstrapDistribution(
  values: readonly number[],
  statistic: (sorted: Float64Array) => number,
  random: RandomSource,
  resamples: number = DEFAULT_RESAMPLES,
): Float64Array {
  if (values.length === 0) throw new RangeError('values must not be empty');
  const buffer = new Float64Array(values.length);
  const out = new Float64Array(resamples);
  const resampler = new SortedResampler(values);
  for (let b = 0; b < resamples; b++) out[b] = statistic(resampler.drawInto(random, buffer));
  return out.sort();
}

/**
 * The central percentile interval of a sorted bootstrap distribution: its (1−c)/2 and (1+c)/2
 * quantiles. On its own it is too narrow for small samples: a nominal 95% interval of a mean of 5
 * values covers about 80% of the time (measured in bootstrap.test.ts), so pass `sampleSize` to
 * widen it.
 *
 * With `sampleSize` (n ≥ 2) it is Hesterberg's expanded percentile interval (Hesterberg 2015,
 * "What teachers should know about the bootstrap", §5): the tail level α/2 is replaced by
 * Φ(−√(n/(n−1))·t_{α/2, n−1}), which undoes the bootstrap's (n−1)/n variance and its normal
 * instead of t tails, bringing the coverage of a mean back near nominal (92% at n = 5 in bootstrap.test.ts). Chosen
 * over BCa, whose jackknife acceleration is itself noise at 3–10 replicates, and over the
 * bootstrap-t, which needs a standard error of the IQM inside every resample.
 */
export function percentileInterval(sortedDistribution: ArrayLike<number>, confidence: number, sampleSize?: number): [number, number] {
  let tail = (1 - confidence) / 2;
  if (sampleSize !== undefined && sampleSize >= 2) {
    tail = normalCdf(Math.sqrt(sampleSize / (sampleSize - 1)) * studentTQuantile(tail, sampleSize - 1));
  }
  return [quantileSorted(sortedDistribution, tail), quantileSorted(sortedDistribution, 1 - tail)];
}

export interface BootstrapCiOptions {
  /** The statistic on a sorted sample, e.g. meanOf or iqmOf. */
  readonly statistic: (sorted: ArrayLike<number>) => number;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default DEFAULT_RESAMPLES. */
  readonly resamples?: number;
  readonly seed: number;
}

export interface BootstrapCi {
  /** The statistic on the data themselves. */
  readonly estimate: number;
  readonly ci: [number, number];
}

/**
 * A seeded expanded-percentile bootstrap confidence interval of `statistic` over `values` (see
 * percentileInterval for why expanded).
 * A constant sample gives the degenerate interval [v, v]; one value gives [v, v] too (the
 * bootstrap cannot see spread that isn't in the data: ask for at least 2 replicates upstream).
 *
 * @throws RangeError `values must not be empty`, `values[i] must be a finite number, got X`,
 *   `confidence must be a number in (0, 1), got X`, `resamples must be an integer >= 100, got X`,
 *   `seed must be an integer, got X`
 */
export function bootstrapCi(values: readonly number[], options: BootstrapCiOptions): BootstrapCi {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (values.length === 0) throw new RangeError('values must not be empty');
  assertFinite(values, 'values');
  assertConfidence(confidence);
  assertResamples(resamples);
  assertSeed(options.seed);
  const distribution = bootstrapDistribution(values, options.statistic, createRandom(options.seed), resamples);
  return { estimate: options.statistic(Float64Array.from(values).sort()), ci: percentileInterval(distribution, confidence, values.length) };
}
