import { lastStep, type Direction, type FrozenTrial } from '../../trial/frozen-trial.js';

/** The most trials ever counted as good, whatever gamma says (Optuna's cap). */
const MAX_BELOW = 25;

/**
 * How many of `n` finished trials count as good: min(⌈gamma·n⌉, 25), with Optuna's default
 * gamma of 0.1 when none is given.
 */
export function countBelow(n: number, gamma = 0.1): number {
  return Math.min(Math.ceil(gamma * n), MAX_BELOW);
}

export interface SplitTrials {
  /** The good trials, l(x)'s observations, in number order. */
  readonly below: readonly FrozenTrial[];
  /** The rest, g(x)'s observations, in number order. */
  readonly above: readonly FrozenTrial[];
}

/**
 * Ranks the finished trials and puts the best `nBelow` in `below`, as Optuna does: COMPLETE trials
 * first, by value (NaN or missing last), then PRUNED ones — a trial that got further ranks higher,
 * and among those stopped at the same step, the better value at that step. FAILED trials say
 * nothing about the objective and are left out. With `withPending`, QUEUED and RUNNING trials go to
 * `above`: the constant liar calls them bad, so l(x)/g(x) drops around them and parallel asks
 * spread out instead of piling onto the same promising point.
 *
 * Only the best `nBelow` (at most 25) are ranked, by insertion into a short list, so the split is
 * O(n) in the number of trials, not O(n log n).
 */
export function splitTrials(trials: readonly FrozenTrial[], direction: Direction, nBelow: number, withPending: boolean): SplitTrials {
  const sign = direction === 'minimize' ? 1 : -1;
  const bestComplete: Ranked[] = [];
  const pruned: FrozenTrial[] = [];
  for (const trial of trials) {
    if (trial.state === 'COMPLETE') insertBounded(bestComplete, ranked(trial, 0, trial.value, sign), nBelow);
    else if (trial.state === 'PRUNED') pruned.push(trial);
  }
  // Pruned trials rank after every complete one, so they are looked at only to fill the rest.
  const bestPruned: Ranked[] = [];
  const room = nBelow - bestComplete.length;
  if (room > 0) for (const trial of pruned) insertBounded(bestPruned, prunedRank(trial, sign), room);

  const isBelow = new Set<FrozenTrial>([...bestComplete, ...bestPruned].map((r) => r.trial));
  const below: FrozenTrial[] = [];
  const above: FrozenTrial[] = [];
  for (const trial of trials) {
    if (isBelow.has(trial)) below.push(trial);
    else if (trial.state === 'COMPLETE' || trial.state === 'PRUNED') above.push(trial);
    else if (withPending && (trial.state === 'QUEUED' || trial.state === 'RUNNING')) above.push(trial);
  }
  // The context lists trials in number order already; sorting a sorted array is one linear pass.
  return { below: below.sort(byNumber), above: above.sort(byNumber) };
}

interface Ranked {
  readonly trial: FrozenTrial;
  /** Minus the last step reached (more steps rank first); 1 for a pruned trial with no reports. */
  readonly step: number;
  /** 1 for a NaN or missing value, which ranks after every number, ±Infinity included. */
  readonly missing: number;
  /** The value, negated when maximizing: lower is better. */
  readonly score: number;
}

/** Keeps `best` sorted and at most `limit` long. */
function insertBounded(best: Ranked[], candidate: Ranked, limit: number): void {
  if (limit <= 0) return;
  const worst = best[best.length - 1];
  if (best.length === limit && worst !== undefined && compareRanked(candidate, worst) >= 0) return;
  let i = best.length;
  while (i > 0 && compareRanked(candidate, best[i - 1] as Ranked) < 0) i--;
  best.splice(i, 0, candidate);
  if (best.length > limit) best.pop();
}

function prunedRank(trial: FrozenTrial, sign: number): Ranked {
  const step = lastStep(trial);
  // No reports: after every pruned trial that reported (Optuna ranks these (1, 0.0)).
  if (step === undefined) return { trial, step: 1, missing: 0, score: 0 };
  return ranked(trial, -step, trial.intermediate.get(step), sign);
}

function ranked(trial: FrozenTrial, step: number, value: number | undefined, sign: number): Ranked {
  const missing = value === undefined || Number.isNaN(value);
  return { trial, step, missing: missing ? 1 : 0, score: missing ? 0 : sign * value };
}

/** Step, missing, score, then number; comparisons, not subtraction, so equal infinities tie. */
function compareRanked(a: Ranked, b: Ranked): number {
  if (a.step !== b.step) return a.step < b.step ? -1 : 1;
  if (a.missing !== b.missing) return a.missing - b.missing;
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  return a.trial.number - b.trial.number;
}

function byNumber(a: FrozenTrial, b: FrozenTrial): number {
  return a.number - b.number;
}
