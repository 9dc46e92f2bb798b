/**
 * "Which way of training is best — or can't we tell?" for confirmation replicates (Choi et al.
 * 2019; DeepOBS): each group is one strategy's best configuration re-run over several seeds, one
 * value per seed. A winner is named only when the leader beats every other group at the requested
 * confidence; otherwise the answer is "no clear winner", with the groups the leader cannot be
 * separated from.
 *
 * The test. The leader is picked after looking at the data, so a one-sided test of "leader >
 * other" at level α would, with two equal groups, name a false winner 2α of the time (either
 * group can come out ahead). Each leader-vs-other comparison is therefore an exact permutation
 * test whose one-sided p-value is doubled — a two-sided test, which pays for choosing the
 * direction from the data — and the k − 1 comparisons are Holm-adjusted. A winner needs every
 * adjusted p ≤ 1 − confidence. The worst case is two tied groups above the rest, where this is an
 * exact α-level two-sided test; pure noise over more groups is rarer still (the tests measure it).
 *
 * Output fields are snake_case: the verdict is the JSON that `sweep compare --json` and the
 * dashboard show as it is, so no mapping layer can drift from the issue's contract.
 */
import { createRandom, mixSeed } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { bootstrapDistribution, DEFAULT_RESAMPLES, percentileInterval } from './bootstrap.js';
import { chooseEstimator, estimatorFn, type Estimator } from './estimators.js';
import { formatP, formatValue } from './format-value.js';
import { holmAdjust } from './holm.js';
import { permutationPValue, smallestPermutationPValue } from './permutation-test.js';
import { probabilityOfBeingBest } from './probability-best.js';
import { probabilityOfImprovement } from './probability-of-improvement.js';
import { assertConfidence, assertGroups, assertMinCount, assertResamples, assertSeed, type ScoredGroup } from './validate.js';

export interface ConfirmationVerdictOptions {
  readonly direction: Direction;
  /** Default 0.95: a false winner at most 5% of the time. */
  readonly confidence?: number;
  /** Seeds every bootstrap and Monte Carlo permutation: same data + seed → same verdict. */
  readonly seed: number;
  /** Fewer replicates than this in any group → 'insufficient_data'. Default 2 (the least with any spread). */
  readonly minReplicates?: number;
  /** Default 'auto': IQM when every group has ≥ IQM_MIN_REPLICATES values, else the mean. */
  readonly estimator?: Estimator | 'auto';
  /** Bootstrap resamples (and Monte Carlo permutations for large groups). Default 2000. */
  readonly resamples?: number;
  /** What the labels are values of, for the statement, e.g. `optimizer` → "optimizer=adam". */
  readonly subject?: string;
}

/** One group in a verdict; estimate, ci and p_best are null when it has too few replicates. */
export interface VerdictGroup {
  readonly label: string;
  /** Replicates. */
  readonly n: number;
  readonly estimate: number | null;
  /** Expanded-percentile bootstrap interval of the estimate at the verdict's confidence (see percentileInterval). */
  readonly ci: [number, number] | null;
  /** Bootstrap probability that this group has the best estimate (see probabilityOfBeingBest). */
  readonly p_best: number | null;
}

/** The leader against one other group. */
export interface LeaderComparison {
  readonly label: string;
  /** How much better the leader's estimate is (≥ 0, in the metric's units, whatever the direction). */
  readonly margin: number;
  /** rliable's P(leader > other) over pairs of replicates, ties counting ½. */
  readonly p_improvement: number;
  /** Two-sided exact permutation p-value (the one-sided one doubled for the leader's selection). */
  readonly p_value: number;
  /** Holm-adjusted over the leader's k − 1 comparisons. */
  readonly p_adjusted: number;
  /** p_adjusted ≤ 1 − confidence: the leader is better than this group at the requested confidence. */
  readonly separable: boolean;
}

export type ConfirmationDecision = 'winner' | 'no_clear_winner' | 'insufficient_data';

export interface ConfirmationVerdict {
  readonly decision: ConfirmationDecision;
  /** Present only when decision is 'winner'. */
  readonly winner?: string;
  /** The group with the best estimate; absent when decision is 'insufficient_data'. */
  readonly leader?: string;
  readonly direction: Direction;
  readonly confidence: number;
  readonly estimator: Estimator;
  /** Best estimate first; groups without enough replicates last, in input order. */
  readonly groups: readonly VerdictGroup[];
  /** The leader against each other group, in `groups` order. */
  readonly comparisons: readonly LeaderComparison[];
  /** Groups the leader could not be separated from. */
  readonly tied_with_leader: readonly string[];
  /** What was compared, how, and what the data show; says "wins" only for a winner. */
  readonly statement: string;
}

/**
 * Compares confirmation replicates of k ≥ 2 groups and names a winner only when the data can back
 * it (see the file comment for the test).
 *
 * Assumes each group's values are independent replicates (different seeds) of one configuration,
 * exchangeable under "no difference". One group alone gives 'insufficient_data' (nothing to
 * compare with), as does any group with fewer than `minReplicates` values.
 *
 * @throws RangeError `groups must not be empty`; `groups[i].label must be unique, "L" appears more
 *   than once`; `groups[i].values[j] must be a finite number, got X`; `confidence must be a number
 *   in (0, 1), got X`; `resamples must be an integer >= 100, got X`; `seed must be an integer, got
 *   X`; `minReplicates must be an integer >= 2, got X`
 */
export function confirmationVerdict(groups: readonly ScoredGroup[], options: ConfirmationVerdictOptions): ConfirmationVerdict {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const minReplicates = options.minReplicates ?? 2;
  assertGroups(groups);
  assertConfidence(confidence);
  assertResamples(resamples);
  assertSeed(options.seed);
  assertMinCount(minReplicates, 'minReplicates', 2);
  const { direction, seed } = options;
  const name = (label: string): string => (options.subject ? `${options.subject}=${label}` : label);
  const estimator = options.estimator === undefined || options.estimator === 'auto' ? chooseEstimator(groups.map((g) => g.values.length)) : options.estimator;
  const stat = estimatorFn(estimator);
  const sign = direction === 'minimize' ? -1 : 1;
  const described =
    `Compared ${groups.length} value${groups.length === 1 ? '' : 's'}${options.subject ? ` of ${options.subject}` : ''} ` +
    `(${groups.map((g) => `${g.label}: ${g.values.length} replicate${g.values.length === 1 ? '' : 's'}`).join(', ')}) ` +
    `by the ${estimator === 'iqm' ? 'interquartile mean' : 'mean'} of their confirmation replicates (${direction})`;

  const short = groups.filter((g) => g.values.length < minReplicates);
  if (short.length > 0 || groups.length < 2) {
    const estimated = groups.map((g): VerdictGroup => {
      if (g.values.length < minReplicates) return { label: g.label, n: g.values.length, estimate: null, ci: null, p_best: null };
      return { label: g.label, n: g.values.length, estimate: stat(Float64Array.from(g.values).sort()), ci: null, p_best: null };
    });
    const why =
      short.length > 0
        ? `${short.map((g) => `${name(g.label)} has ${g.values.length}`).join(', ')}; at least ${minReplicates} replicates per value are needed`
        : 'one value alone cannot be compared';
    return {
      decision: 'insufficient_data',
      direction,
      confidence,
      estimator,
      groups: estimated,
      comparisons: [],
      tied_with_leader: [],
      statement: `${described}: insufficient data — ${why}.`,
    };
  }

  const summaries = groups.map((g, i) => {
    const distribution = bootstrapDistribution(g.values, stat, createRandom(mixSeed(seed, 1, i)), resamples);
    return {
      label: g.label,
      values: g.values,
      n: g.values.length,
      estimate: stat(Float64Array.from(g.values).sort()),
      ci: percentileInterval(distribution, confidence, g.values.length),
    };
  });
  const pBest = probabilityOfBeingBest(
    groups.map((g) => g.values),
    stat,
    direction,
    createRandom(mixSeed(seed, 2)),
    resamples,
  );
  // Best estimate first; input order breaks exact ties so the leader is deterministic.
  const order = summaries
    .map((_, i) => i)
    .sort((a, b) => sign * ((summaries[b] as (typeof summaries)[number]).estimate - (summaries[a] as (typeof summaries)[number]).estimate) || a - b);
  const ranked = order.map((i) => ({ ...(summaries[i] as (typeof summaries)[number]), p_best: pBest[i] as number }));
  const [leader, ...others] = ranked as [(typeof ranked)[number], ...(typeof ranked)[number][]];

  const alpha = 1 - confidence;
  const oriented = (values: readonly number[]): number[] => values.map((v) => sign * v);
  const raw = others.map((other, j) =>
    Math.min(
      1,
      2 *
        permutationPValue(oriented(leader.values), oriented(other.values), {
          // The estimators are equivariant under negation only for symmetric trimming, which both are.
          statistic: stat,
          random: createRandom(mixSeed(seed, 3, j)),
          permutations: resamples,
        }),
    ),
  );
  const adjusted = holmAdjust(raw);
  const comparisons = others.map((other, j): LeaderComparison => ({
    label: other.label,
    margin: sign * (leader.estimate - other.estimate),
    p_improvement: probabilityOfImprovement(leader.values, other.values, direction),
    p_value: raw[j] as number,
    p_adjusted: adjusted[j] as number,
    separable: (adjusted[j] as number) <= alpha,
  }));
  const tied = comparisons.filter((c) => !c.separable).map((c) => c.label);
  const outGroups = ranked.map((g): VerdictGroup => ({ label: g.label, n: g.n, estimate: g.estimate, ci: g.ci, p_best: g.p_best }));
  const pct = `${Number((confidence * 100).toPrecision(4))}%`;
  const estimateText = `${estimator === 'iqm' ? 'IQM' : 'mean'} ${formatValue(leader.estimate)} (${pct} CI [${formatValue(leader.ci[0])}, ${formatValue(leader.ci[1])}])`;
  const method = `exact permutation tests, two-sided because the leader is chosen from the data, Holm-adjusted over ${others.length} comparison${others.length === 1 ? '' : 's'}`;
  const verdict = (decision: ConfirmationDecision, statement: string): ConfirmationVerdict => ({
    decision,
    ...(decision === 'winner' ? { winner: leader.label } : {}),
    leader: leader.label,
    direction,
    confidence,
    estimator,
    groups: outGroups,
    comparisons,
    tied_with_leader: tied,
    statement,
  });

  if (tied.length === 0) {
    return verdict(
      'winner',
      `${described}: ${name(leader.label)} wins at ${pct} confidence with ${estimateText}; it is better than every other value (${method}; largest adjusted p ${formatP(Math.max(...adjusted))}).`,
    );
  }
  const separated = comparisons.filter((c) => c.separable).map((c) => name(c.label));
  // Say when no winner could have been named at all, so "no clear winner" is not read as evidence of equality.
  const floor = Math.min(...others.map((o) => 2 * smallestPermutationPValue(leader.n, o.n) * others.length));
  return verdict(
    'no_clear_winner',
    `${described}: no clear winner at ${pct} confidence. ${name(leader.label)} leads with ${estimateText} but cannot be separated from ` +
      `${comparisons
        .filter((c) => !c.separable)
        .map((c) => `${name(c.label)} (adjusted p ${formatP(c.p_adjusted)}, P(${leader.label} > ${c.label}) = ${c.p_improvement.toFixed(2)})`)
        .join(', ')}` +
      `${separated.length > 0 ? `; it is better than ${separated.join(', ')}` : ''} (${method}).` +
      `${floor > alpha ? ` With these replicate counts no difference can reach ${pct} confidence; run more seeds.` : ''}`,
  );
}
