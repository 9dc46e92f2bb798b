/**
 * "Which strategy won, and by how much?" — trials grouped by one parameter (optimizer, cell,
 * clip, schedule…), each group summarized the same way, and a plain-language verdict. Pure: the
 * CLI's `sweep compare` and the dashboard's strategy view both call it on stored trials.
 */
import type { ParamValue } from '../search-space/distributions.js';
import { isBetter, type Direction, type FrozenTrial } from '../trial/frozen-trial.js';
import { quantileSorted } from './quantile.js';

export type ComparableTrial = Pick<FrozenTrial, 'number' | 'state' | 'params' | 'value' | 'intermediate'> & {
  /** Why a FAILED trial failed, if known: 'diverged…' reasons are counted as divergences. */
  readonly failureReason?: string;
};

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

export interface StrategyComparison {
  readonly by: string;
  readonly direction: Direction;
  /** Best median first; groups without a completed trial last. */
  readonly groups: readonly StrategyGroup[];
  /** A sentence naming the winner and the margin, or why there is none. */
  readonly verdict: string;
  readonly winner?: StrategyGroup;
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

function format(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.001 && value !== 0) ? value.toExponential(3) : Number(value.toPrecision(4)).toString();
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

/**
 * Groups `trials` by the value of param `by` and compares the groups' final metric.
 * The winner is the group with the best median over its COMPLETE trials (medians resist one lucky
 * trial); the verdict gives its margin over the runner-up and how often each was pruned or failed.
 */
export function compareStrategies(trials: readonly ComparableTrial[], by: string, direction: Direction): StrategyComparison {
  const buckets = new Map<string, { value: ParamValue | undefined; trials: ComparableTrial[] }>();
  for (const trial of trials) {
    const value = trial.params[by];
    const key = value === undefined ? '\u0000inactive' : `${typeof value}:${String(value)}`;
    const bucket = buckets.get(key) ?? { value, trials: [] };
    bucket.trials.push(trial);
    buckets.set(key, bucket);
  }
  const groups = [...buckets.values()].map((b) => summarize(b.value, b.trials, direction));
  groups.sort((a, b) => {
    if (a.median === undefined || b.median === undefined) return a.median === undefined ? (b.median === undefined ? 0 : 1) : -1;
    return direction === 'minimize' ? a.median - b.median : b.median - a.median;
  });
  const ranked = groups.filter((g) => g.median !== undefined);
  const [winner, runnerUp] = ranked;
  let verdict: string;
  if (groups.length === 0) verdict = `no trials yet: nothing to compare by ${by}`;
  else if (!winner) verdict = `no ${by} value has a completed trial yet`;
  else if (!runnerUp) verdict = `${by}=${winner.label} is the only value with completed trials (median ${format(winner.median!)} over ${winner.complete})`;
  else {
    const margin = Math.abs((winner.median as number) - (runnerUp.median as number));
    if (margin === 0) {
      verdict =
        `${by}=${winner.label} and ${by}=${runnerUp.label} tie at median ${format(winner.median!)} ` +
        `(${winner.complete} and ${runnerUp.complete} completed trials); pruned ${winner.pruned}/${winner.trials} vs ${runnerUp.pruned}/${runnerUp.trials}, failed ${winner.failed} vs ${runnerUp.failed}`;
      return { by, direction, groups, verdict, winner };
    }
    verdict =
      `${by}=${winner.label} wins: median ${format(winner.median!)} over ${winner.complete} completed trial${winner.complete === 1 ? '' : 's'}, ` +
      `${format(margin)} ${direction === 'minimize' ? 'lower' : 'higher'} than ${by}=${runnerUp.label} (${format(runnerUp.median!)}); ` +
      `pruned ${winner.pruned}/${winner.trials} vs ${runnerUp.pruned}/${runnerUp.trials}, failed ${winner.failed} vs ${runnerUp.failed}`;
  }
  return { by, direction, groups, verdict, ...(winner ? { winner } : {}) };
}
