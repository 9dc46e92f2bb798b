/**
 * "Which value of this parameter is best — or can't we tell?", answered once for everything that
 * asks: `sweep compare` (table and --json), the summary at the end of `sweep run` and the
 * dashboard's strategy view all print this function's output, so they cannot disagree.
 *
 * Two modes, chosen by what the sweep stored:
 * - protocol: the sweep ran a comparison protocol (stage 'confirm' trials re-running each value's
 *   best configuration with fresh seeds). The verdict is confirmationVerdict over each value's
 *   COMPLETE replicates: 'winner' only when the leader beats every other value at the requested
 *   confidence, else 'no_clear_winner' (or 'insufficient_data' while replicates are missing).
 * - exploratory: an ordinary sweep. Its groups were sampled adaptively (TPE spends trials where it
 *   did well, pruners stop some early), so no test on them can name a winner: the answer is
 *   exploratorySummary's expected best at an equal budget, 'exploratory', and the `compare:` block
 *   that would confirm the ranking.
 *
 * Output fields are snake_case: this is the JSON the CLI and the dashboard show as it is.
 */
import { mixSeed } from '../random.js';
import type { ParamValue } from '../search-space/distributions.js';
import { SEARCH_STAGE, type Direction } from '../trial/frozen-trial.js';
import type { ComparableTrial } from './comparable-trial.js';
import { suggestedProtocolYaml, type ComparisonProtocol } from './comparison-protocol.js';
import { confirmationVerdict, type LeaderComparison } from './confirmation-verdict.js';
import { describeStrategies, strategyKey, type StrategyGroup } from './describe-strategies.js';
import { expectedBestCurve, type ExpectedBestCurve } from './expected-max.js';
import { exploratorySummary } from './exploratory-summary.js';
import { assertConfidence, assertSeed } from './validate.js';

/** The stage of a comparison protocol's replicates. */
export const CONFIRM_STAGE = 'confirm';

/**
 * The expected-best curves are for drawing: capped in length and resamples so that a group of
 * thousands of trials still costs well under a second (the band costs resamples × N × points).
 */
const CURVE_MAX_N = 40;
const CURVE_RESAMPLES = 400;

export interface JudgeStrategiesOptions {
  /** The parameter whose values are compared. */
  readonly by: string;
  readonly direction: Direction;
  /** The sweep's seed: every bootstrap and permutation is seeded from it, so the same database gives the same verdict. */
  readonly seed: number;
  /** Default: the protocol's, else 0.95. */
  readonly confidence?: number;
  /** The sweep's `compare:` block (comparisonProtocolOf(spec)); its facts go into the `compared` sentence. */
  readonly protocol?: ComparisonProtocol;
  /** Bootstrap resamples of the verdict and summary. Default 2000. */
  readonly resamples?: number;
}

export type StrategyDecision = 'winner' | 'no_clear_winner' | 'exploratory' | 'insufficient_data';

/** One confirmation replicate: the trial, its seed and its final value. */
export interface ReplicatePoint {
  readonly trial: number;
  readonly seed: number | null;
  /** The search trial whose configuration it re-runs. */
  readonly origin: number | null;
  readonly value: number;
}

/** One value of the compared parameter. */
export interface JudgedGroup {
  readonly label: string;
  /** The parameter's value; null for trials where it was inactive (label '(inactive)'). */
  readonly value: ParamValue | null;
  /** Values the estimate is taken over: COMPLETE replicates (protocol) or COMPLETE search trials (exploratory). */
  readonly n: number;
  /** Mean or IQM of the replicates (protocol), expected best after common_n trials (exploratory); null when n is too small. */
  readonly estimate: number | null;
  readonly ci: [number, number] | null;
  readonly p_best: number | null;
  /** 'insufficient_data' when this group has too few values to be estimated. */
  readonly status: 'ok' | 'insufficient_data';
  /** Counts over the trials of the judged stage (`stage`): all, COMPLETE, PRUNED, FAILED, diverged (FAILED with a NaN/Inf loss), QUEUED or RUNNING. */
  readonly trials: number;
  readonly complete: number;
  readonly pruned: number;
  readonly failed: number;
  readonly diverged: number;
  readonly running: number;
  /** The best COMPLETE value of the judged stage and its trial. */
  readonly best: number | null;
  readonly best_trial: number | null;
  /** Expected best after n = 1…N search trials (index n − 1) with a bootstrap band; null with fewer than 2 completed search trials. */
  readonly expected_best: ExpectedBestCurve | null;
  /** Protocol mode: the COMPLETE replicates; empty in exploratory mode. */
  readonly replicates: readonly ReplicatePoint[];
}

export interface StrategyVerdict {
  readonly decision: StrategyDecision;
  /** The winning value's label; only when decision is 'winner'. */
  readonly winner?: string;
  /** The value with the best estimate (not a winner unless `winner` says so). */
  readonly leader?: string;
  readonly mode: 'protocol' | 'exploratory';
  /** The stage whose trials were judged: 'confirm' (protocol) or 'search' (exploratory). */
  readonly stage: string;
  readonly by: string;
  readonly direction: Direction;
  readonly confidence: number;
  /** What `estimate` is: the replicates' mean or interquartile mean, or the expected best after common_n trials. */
  readonly estimator: 'mean' | 'iqm' | 'expected_best';
  /** Exploratory mode: the equal budget of the estimates. */
  readonly common_n: number | null;
  /** What was compared, e.g. "the best configuration of each of 3 optimizer values after 30 search trials each, 10 seeds each". */
  readonly compared: string;
  /** The answer in one plain paragraph; says "wins" only when decision is 'winner'. */
  readonly statement: string;
  /** Best estimate first; values without an estimate last. */
  readonly groups: readonly JudgedGroup[];
  /** Protocol mode: the leader against each other value. */
  readonly comparisons: readonly LeaderComparison[];
  /** Protocol mode: values the leader could not be separated from. */
  readonly tied_with_leader: readonly string[];
  /** Exploratory mode: the `compare:` block (YAML) that would confirm the ranking. */
  readonly suggestion?: string;
}

interface Bucket {
  readonly value: ParamValue | undefined;
  readonly search: ComparableTrial[];
  readonly confirm: ComparableTrial[];
}

const completedValues = (trials: readonly ComparableTrial[]): number[] =>
  trials.filter((t) => t.state === 'COMPLETE' && typeof t.value === 'number' && Number.isFinite(t.value)).map((t) => t.value as number);

const range = (counts: readonly number[]): string => {
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? `${low}` : `${low}–${high}`;
};

function bucketsOf(trials: readonly ComparableTrial[], by: string): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const trial of trials) {
    const stage = trial.stage ?? SEARCH_STAGE;
    // Other stages (a 'rerun' of one trial) are neither the search's sample nor a protocol's replicates.
    if (stage !== SEARCH_STAGE && stage !== CONFIRM_STAGE) continue;
    const value = trial.params[by];
    const key = strategyKey(value);
    let bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, (bucket = { value, search: [], confirm: [] }));
    (stage === CONFIRM_STAGE ? bucket.confirm : bucket.search).push(trial);
  }
  return [...buckets.values()];
}

function curveOf(values: readonly number[], direction: Direction, confidence: number, seed: number): ExpectedBestCurve | null {
  if (values.length < 2) return null;
  return expectedBestCurve(values, { direction, confidence, seed, upTo: Math.min(values.length, CURVE_MAX_N), resamples: CURVE_RESAMPLES });
}

function counts(
  described: StrategyGroup | undefined,
): Pick<JudgedGroup, 'trials' | 'complete' | 'pruned' | 'failed' | 'diverged' | 'running' | 'best' | 'best_trial'> {
  return {
    trials: described?.trials ?? 0,
    complete: described?.complete ?? 0,
    pruned: described?.pruned ?? 0,
    failed: described?.failed ?? 0,
    diverged: described?.diverged ?? 0,
    running: described?.running ?? 0,
    best: described?.best ?? null,
    best_trial: described?.bestTrial ?? null,
  };
}

/**
 * Judges the values of `by` over a sweep's stored trials (see the file comment for the modes).
 * Protocol mode applies when trials of stage 'confirm' exist and `by` is the protocol's parameter
 * (or no protocol was given), or when the protocol compares `by` and its confirmation has not
 * started yet ('insufficient_data' until it has). Pure and deterministic: same trials and seed,
 * same verdict.
 *
 * @throws RangeError `confidence must be a number in (0, 1), got X`; `seed must be an integer, got
 *   X`; `resamples must be an integer >= 100, got X`; `groups[i].label must be unique, "L" appears
 *   more than once` when two values print alike (1 and '1')
 */
export function judgeStrategies(trials: readonly ComparableTrial[], options: JudgeStrategiesOptions): StrategyVerdict {
  const { by, direction, seed, protocol } = options;
  const confidence = options.confidence ?? protocol?.confidence ?? 0.95;
  assertConfidence(confidence);
  assertSeed(seed);
  const buckets = bucketsOf(trials, by);
  const hasConfirm = buckets.some((b) => b.confirm.length > 0);
  const protocolMode = protocol === undefined ? hasConfirm : protocol.by === by;
  const label = (value: ParamValue | undefined): string => (value === undefined ? '(inactive)' : String(value));
  // A protocol's replicates all set `by`; an inactive search group has nothing to confirm.
  const judged = protocolMode ? buckets.filter((b) => b.value !== undefined) : buckets;
  const stage = protocolMode ? CONFIRM_STAGE : SEARCH_STAGE;
  const described = describeStrategies(
    judged.flatMap((b) => (protocolMode ? b.confirm : b.search)),
    by,
    direction,
  ).groups;
  const describedOf = new Map(described.map((g) => [strategyKey(g.value), g]));
  const base = judged.map((b, i) => {
    const searchValues = completedValues(b.search);
    const replicates = protocolMode
      ? b.confirm
          .filter((t) => t.state === 'COMPLETE' && typeof t.value === 'number' && Number.isFinite(t.value))
          .map((t): ReplicatePoint => ({ trial: t.number, seed: t.seed ?? null, origin: t.origin ?? null, value: t.value as number }))
      : [];
    return {
      label: label(b.value),
      value: b.value ?? null,
      ...counts(describedOf.get(strategyKey(b.value))),
      searchValues,
      searchTrials: b.search.length,
      expected_best: curveOf(searchValues, direction, confidence, mixSeed(seed, 4, i)),
      replicates,
    };
  });
  const resampling = options.resamples === undefined ? {} : { resamples: options.resamples };
  const common = { by, direction, confidence, stage, mode: protocolMode ? ('protocol' as const) : ('exploratory' as const) };

  if (base.length === 0) {
    return {
      ...common,
      decision: 'insufficient_data',
      estimator: protocolMode ? 'mean' : 'expected_best',
      common_n: null,
      compared: `trials grouped by ${by}`,
      statement: `No trials to compare by ${by} yet.`,
      groups: [],
      comparisons: [],
      tied_with_leader: [],
    };
  }

  if (protocolMode) {
    const perValue = protocol?.trialsPerValue === undefined ? range(base.map((g) => g.searchTrials)) : `${protocol.trialsPerValue}`;
    const seeds = protocol?.seeds === undefined ? range(base.map((g) => g.replicates.length)) : `${protocol.seeds}`;
    const compared = `the best configuration of each of ${base.length} ${by} values after ${perValue} search trials each, re-run with ${seeds} seeds each`;
    const verdict = confirmationVerdict(
      base.map((g) => ({ label: g.label, values: g.replicates.map((r) => r.value) })),
      { direction, confidence, seed, subject: by, ...resampling },
    );
    const statement = hasConfirm
      ? verdict.statement
      : `The confirmation stage of the ${by} comparison has not produced replicates yet (${base.reduce((s, g) => s + g.searchTrials, 0)} search trials so far); ` +
        `the verdict is computed on each value's confirmation replicates once they exist.`;
    const byLabel = new Map(base.map((g) => [g.label, g]));
    const groups = verdict.groups.map((v): JudgedGroup => {
      const g = byLabel.get(v.label)!;
      return group(g, { n: v.n, estimate: v.estimate, ci: v.ci, p_best: v.p_best, status: v.ci === null ? 'insufficient_data' : 'ok' });
    });
    return {
      ...common,
      decision: verdict.decision,
      ...(verdict.winner !== undefined ? { winner: verdict.winner } : {}),
      ...(verdict.leader !== undefined ? { leader: verdict.leader } : {}),
      estimator: verdict.estimator,
      common_n: null,
      compared,
      statement,
      groups,
      comparisons: verdict.comparisons,
      tied_with_leader: verdict.tied_with_leader,
    };
  }

  const summary = exploratorySummary(
    base.map((g) => ({ label: g.label, values: g.searchValues })),
    { direction, confidence, seed, subject: by, ...resampling },
  );
  const byLabel = new Map(base.map((g) => [g.label, g]));
  const groups = summary.groups.map((s): JudgedGroup =>
    group(byLabel.get(s.label)!, { n: s.n, estimate: s.estimate, ci: s.ci, p_best: s.p_best, status: s.status }),
  );
  const leader = summary.decision === 'exploratory' ? groups[0]?.label : undefined;
  const totalSearch = base.reduce((s, g) => s + g.searchTrials, 0);
  return {
    ...common,
    decision: summary.decision,
    ...(leader !== undefined ? { leader } : {}),
    estimator: 'expected_best',
    common_n: summary.common_n,
    compared: `the completed search trials of each of ${base.length} ${by} values (${base.map((g) => `${g.label} ${g.searchValues.length}`).join(', ')}), sampled adaptively by the sweep`,
    statement: summary.statement,
    groups,
    comparisons: [],
    tied_with_leader: [],
    suggestion: suggestedProtocolYaml(by, totalSearch / base.length, confidence),
  };
}

function group(
  g: Omit<JudgedGroup, 'n' | 'estimate' | 'ci' | 'p_best' | 'status'> & { searchValues: number[]; searchTrials: number },
  estimate: Pick<JudgedGroup, 'n' | 'estimate' | 'ci' | 'p_best' | 'status'>,
): JudgedGroup {
  return {
    label: g.label,
    value: g.value,
    ...estimate,
    trials: g.trials,
    complete: g.complete,
    pruned: g.pruned,
    failed: g.failed,
    diverged: g.diverged,
    running: g.running,
    best: g.best,
    best_trial: g.best_trial,
    expected_best: g.expected_best,
    replicates: g.replicates,
  };
}
