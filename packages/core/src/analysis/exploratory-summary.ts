/**
 * What an ordinary sweep can say about its strategies. Its trials were proposed adaptively (TPE
 * spends more trials where it did well, pruners stop some early), so the groups differ in size
 * and in the conditions they were tried under, and no test on them can name a winner. This
 * summary compares them at an equal budget — Dodge et al.'s expected best after n trials, n the
 * smallest group's size — with a bootstrap band, and always says the ranking is exploratory.
 */
import { createRandom, mixSeed } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { DEFAULT_RESAMPLES, bootstrapDistribution, percentileInterval } from './bootstrap.js';
import { expectedBestSorted } from './expected-max.js';
import { formatValue } from './format-value.js';
import { probabilityOfBeingBest } from './probability-best.js';
import { assertConfidence, assertGroups, assertMinCount, assertResamples, assertSeed, type ScoredGroup } from './validate.js';

export interface ExploratorySummaryOptions {
  readonly direction: Direction;
  /** Of the bands. Default 0.95. */
  readonly confidence?: number;
  readonly seed: number;
  /** Fewer completed trials than this → the group is reported as 'insufficient_data'. Default 3. */
  readonly minTrials?: number;
  /** Bootstrap resamples. Default 2000. */
  readonly resamples?: number;
  /** What the labels are values of, for the statement, e.g. `optimizer`. */
  readonly subject?: string;
}

/**
 * One group of an exploratory summary. `estimate` is the expected best after `common_n` trials
 * and `ci` its bootstrap band (the issue's `expected_best_at_n` and `band`, named like a
 * confirmation verdict's fields so one table shows both); null when the group has too few trials.
 */
export interface ExploratoryGroup {
  readonly label: string;
  /** Completed trials. */
  readonly n: number;
  readonly status: 'ok' | 'insufficient_data';
  /** The best value found; null when no trial completed. */
  readonly best: number | null;
  readonly estimate: number | null;
  readonly ci: [number, number] | null;
  /** Bootstrap probability that this group has the best expected best at common_n. */
  readonly p_best: number | null;
}

export interface ExploratorySummary {
  readonly decision: 'exploratory' | 'insufficient_data';
  readonly direction: Direction;
  readonly confidence: number;
  /** The equal budget every estimate is taken at: the smallest size among groups with enough trials. */
  readonly common_n: number | null;
  /** Best estimate first; insufficient groups last, in input order. */
  readonly groups: readonly ExploratoryGroup[];
  /** Says what was compared, that the sampling was adaptive, and that the ranking is exploratory. */
  readonly statement: string;
}

/**
 * Summarizes the completed values of each group of an ordinary sweep. 'insufficient_data' when
 * fewer than two groups have `minTrials` completed values; otherwise 'exploratory'. Never names a
 * winner.
 *
 * @throws RangeError `groups must not be empty`; `groups[i].label must be unique, "L" appears more
 *   than once`; `groups[i].values[j] must be a finite number, got X`; `confidence must be a number
 *   in (0, 1), got X`; `resamples must be an integer >= 100, got X`; `seed must be an integer, got
 *   X`; `minTrials must be an integer >= 1, got X`
 */
export function exploratorySummary(groups: readonly ScoredGroup[], options: ExploratorySummaryOptions): ExploratorySummary {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const minTrials = options.minTrials ?? 3;
  assertGroups(groups);
  assertConfidence(confidence);
  assertResamples(resamples);
  assertSeed(options.seed);
  assertMinCount(minTrials, 'minTrials', 1);
  const { direction, seed } = options;
  const name = (label: string): string => (options.subject ? `${options.subject}=${label}` : label);
  const sign = direction === 'minimize' ? -1 : 1;
  const bestOf = (values: readonly number[]): number | null => (values.length === 0 ? null : sign * Math.max(...values.map((v) => sign * v)));

  const enough = groups.filter((g) => g.values.length >= minTrials);
  const short = groups.filter((g) => g.values.length < minTrials);
  const shortGroups = short.map((g): ExploratoryGroup => ({
    label: g.label,
    n: g.values.length,
    status: 'insufficient_data',
    best: bestOf(g.values),
    estimate: null,
    ci: null,
    p_best: null,
  }));
  const shortText =
    short.length > 0
      ? ` Too few completed trials (fewer than ${minTrials}) to estimate: ${short.map((g) => `${name(g.label)} (${g.values.length})`).join(', ')}.`
      : '';
  const what = `${groups.length} value${groups.length === 1 ? '' : 's'}${options.subject ? ` of ${options.subject}` : ''}`;

  if (enough.length < 2) {
    return {
      decision: 'insufficient_data',
      direction,
      confidence,
      common_n: null,
      groups: [
        ...groups.map((g) => ({
          label: g.label,
          n: g.values.length,
          status: g.values.length >= minTrials ? ('ok' as const) : ('insufficient_data' as const),
          best: bestOf(g.values),
          estimate: null,
          ci: null,
          p_best: null,
        })),
      ],
      statement: `Exploratory summary of ${what}: insufficient data — fewer than two values have ${minTrials} completed trials.${shortText}`,
    };
  }

  const commonN = Math.min(...enough.map((g) => g.values.length));
  const stat = (sorted: ArrayLike<number>): number => expectedBestSorted(sorted, commonN, direction);
  const pBest = probabilityOfBeingBest(
    enough.map((g) => g.values),
    stat,
    direction,
    createRandom(mixSeed(seed, 2)),
    resamples,
  );
  const estimated = enough
    .map((g, i): ExploratoryGroup => {
      const distribution = bootstrapDistribution(g.values, stat, createRandom(mixSeed(seed, 1, i)), resamples);
      return {
        label: g.label,
        n: g.values.length,
        status: 'ok',
        best: bestOf(g.values),
        estimate: stat(Float64Array.from(g.values).sort()),
        ci: percentileInterval(distribution, confidence),
        p_best: pBest[i] as number,
      };
    })
    .map((g, i) => ({ g, i }))
    .sort((a, b) => sign * ((b.g.estimate as number) - (a.g.estimate as number)) || a.i - b.i)
    .map(({ g }) => g);
  const pct = `${Number((confidence * 100).toPrecision(4))}%`;
  return {
    decision: 'exploratory',
    direction,
    confidence,
    common_n: commonN,
    groups: [...estimated, ...shortGroups],
    statement:
      `Exploratory summary of ${what} (${direction}): the sweep sampled them adaptively, so trial counts and conditions differ and this ranking is exploratory — it names no winner; ` +
      `a confirmation run (each value's best configuration re-run over several seeds) can. ` +
      `Expected best after ${commonN} trial${commonN === 1 ? '' : 's'} each (Dodge et al. 2019, ${pct} bootstrap band): ` +
      `${estimated.map((g) => `${name(g.label)} ${formatValue(g.estimate as number)} [${formatValue((g.ci as [number, number])[0])}, ${formatValue((g.ci as [number, number])[1])}] (best of ${g.n}: ${formatValue(g.best as number)})`).join(', ')}.${shortText}`,
  };
}
