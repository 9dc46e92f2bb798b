/**
 * What happened to each value of one parameter (optimizer, cell, clip…): how many trials ran,
 * completed, were pruned, failed or diverged, the best and the quartiles of the completed values.
 * Descriptive only — it ranks nothing and names no winner: `judgeStrategies` is the one answer to
 * "which is best", and it uses these counts for its table; the dashboard draws the quartiles.
 */
import type { ParamValue } from '../search-space/distributions.js';
import { isBetter, type Direction } from '../trial/frozen-trial.js';
import type { ComparableTrial } from './comparable-trial.js';
import { quantileSorted } from './quantile.js';

export interface StrategyGroup {
  /** The parameter's value, or undefined for trials where the parameter was inactive. */
  readonly value: ParamValue | undefined;
  readonly label: string;
  readonly trials: number;
  readonly complete: number;
  readonly pruned: number;
  readonly failed: number;
  readonly diverged: number;
  readonly running: number;
  /** Over COMPLETE trials' values; undefined when none completed. */
  readonly best?: number;
  readonly bestTrial?: number;
  readonly median?: number;
  readonly q1?: number;
  readonly q3?: number;
  /** Median over COMPLETE trials of the first step at which each reached its own best value. */
  readonly medianEpochsToBest?: number;
}

export interface StrategyDescription {
  readonly by: string;
  readonly direction: Direction;
  /** In the order each value first appears among the trials; trials where `by` was inactive form the group '(inactive)'. */
  readonly groups: readonly StrategyGroup[];
}

function firstStepOfBest(intermediate: ReadonlyMap<number, number>, direction: Direction): number | undefined {
  let bestStep: number | undefined;
  let bestValue: number | undefined;
  for (const [step, value] of [...intermediate].sort((a, b) => a[0] - b[0])) {
    if (Number.isNaN(value)) continue;
    if (bestValue === undefined || isBetter(value, bestValue, direction)) {
      bestValue = value;
      bestStep = step;
    }
  }
  return bestStep;
}

function summarize(value: ParamValue | undefined, trials: readonly ComparableTrial[], direction: Direction): StrategyGroup {
  const completed = trials.filter((t) => t.state === 'COMPLETE' && typeof t.value === 'number' && Number.isFinite(t.value));
  const values = completed.map((t) => t.value as number).sort((a, b) => a - b);
  const bestTrial = completed.reduce<ComparableTrial | undefined>(
    (best, t) => (!best || isBetter(t.value as number, best.value as number, direction) ? t : best),
    undefined,
  );
  const epochs = completed
    .map((t) => firstStepOfBest(t.intermediate, direction))
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b);
  const failed = trials.filter((t) => t.state === 'FAILED');
  return {
    value,
    label: value === undefined ? '(inactive)' : String(value),
    trials: trials.length,
    complete: completed.length,
    pruned: trials.filter((t) => t.state === 'PRUNED').length,
    failed: failed.length,
    diverged: failed.filter((t) => /diverged/i.test(t.failureReason ?? '')).length,
    running: trials.filter((t) => t.state === 'RUNNING' || t.state === 'QUEUED').length,
    ...(bestTrial ? { best: bestTrial.value, bestTrial: bestTrial.number } : {}),
    ...(values.length > 0 ? { median: quantileSorted(values, 0.5), q1: quantileSorted(values, 0.25), q3: quantileSorted(values, 0.75) } : {}),
    ...(epochs.length > 0 ? { medianEpochsToBest: quantileSorted(epochs, 0.5) } : {}),
  };
}

/** Key of a group: the value with its type, so 1 and '1' stay apart; inactive sorts nowhere near a value. */
export function strategyKey(value: ParamValue | undefined): string {
  return value === undefined ? '\u0000inactive' : `${typeof value}:${String(value)}`;
}

/** Groups `trials` by the value of param `by` and describes each group (see the file comment). */
export function describeStrategies(trials: readonly ComparableTrial[], by: string, direction: Direction): StrategyDescription {
  const buckets = new Map<string, { value: ParamValue | undefined; trials: ComparableTrial[] }>();
  for (const trial of trials) {
    const value = trial.params[by];
    const key = strategyKey(value);
    const bucket = buckets.get(key) ?? { value, trials: [] };
    bucket.trials.push(trial);
    buckets.set(key, bucket);
  }
  return { by, direction, groups: [...buckets.values()].map((b) => summarize(b.value, b.trials, direction)) };
}
