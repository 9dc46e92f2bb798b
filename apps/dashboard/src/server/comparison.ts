/**
 * GET /api/sweeps/:name/compare — core's judgeStrategies over the stored trials, called exactly as
 * `sweep compare` calls it (same trials, the sweep's seed and `compare:` block), so the dashboard
 * gives the same verdict; plus, per group, what the descriptive charts draw from the search trials:
 * the final values with their quartiles, best-so-far over trials, and the median learning curve
 * with its interquartile band.
 */
import {
  comparisonProtocolOf,
  describeStrategies,
  isBetter,
  judgeStrategies,
  quantileSorted,
  SEARCH_STAGE,
  strategyKey,
  type Direction,
  type StrategyGroup,
  type SweepRecord,
} from '@loopsweep/core';
import { comparableTrials, type SweepReader, type TrialRow } from '@loopsweep/store';
import type { MedianCurvePoint, StrategyComparisonResponse, StrategyGroupView } from '../api/types.js';

type Curves = Map<number, [step: number, value: number][]>;

function medianCurve(members: readonly TrialRow[], curves: Curves): MedianCurvePoint[] {
  const byStep = new Map<number, number[]>();
  for (const trial of members) {
    for (const [step, value] of curves.get(trial.number) ?? []) {
      if (!Number.isFinite(value)) continue;
      let values = byStep.get(step);
      if (values === undefined) byStep.set(step, (values = []));
      values.push(value);
    }
  }
  return [...byStep.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([step, values]) => {
      values.sort((a, b) => a - b);
      return { step, median: quantileSorted(values, 0.5), q1: quantileSorted(values, 0.25), q3: quantileSorted(values, 0.75), trials: values.length };
    });
}

function bestSoFar(members: readonly TrialRow[], direction: Direction): [number, number][] {
  const points: [number, number][] = [];
  let best: number | undefined;
  for (const trial of members) {
    if (trial.state !== 'COMPLETE' || trial.value === undefined || !Number.isFinite(trial.value)) continue;
    if (best === undefined || isBetter(trial.value, best, direction)) {
      best = trial.value;
      points.push([trial.number, best]);
    }
  }
  return points;
}

function view(group: StrategyGroup, members: readonly TrialRow[], curves: Curves, direction: Direction): StrategyGroupView {
  const values = members.filter((t) => t.state === 'COMPLETE' && t.value !== undefined && Number.isFinite(t.value)).map((t) => t.value as number);
  return { ...group, values, bestSoFar: bestSoFar(members, direction), medianCurve: medianCurve(members, curves) };
}

const EMPTY_GROUP = { trials: 0, complete: 0, pruned: 0, failed: 0, diverged: 0, running: 0 } as const;

/**
 * @param rows every trial of the sweep by number (as `sweep compare` reads them).
 * @param metric the metric of the median curves (the sweep's by default); the verdict itself is
 *   always of the sweep's metric, as `sweep compare`'s is.
 * @param confidence of the verdict (`sweep compare --confidence`); default the spec's compare.confidence, else 0.95.
 * @throws RangeError only on a corrupt sweep record (a non-integer seed): judgeStrategies' checks
 */
export function buildComparison(
  reader: SweepReader,
  rows: readonly TrialRow[],
  sweep: SweepRecord,
  by: string,
  metric: string,
  confidence?: number,
): StrategyComparisonResponse {
  const protocol = comparisonProtocolOf(sweep.spec);
  // The verdict reads final values only, exactly as `sweep compare` builds its input.
  const verdict = judgeStrategies(comparableTrials(rows, new Map()), {
    by,
    direction: sweep.direction,
    seed: sweep.seed,
    ...(protocol !== undefined ? { protocol } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  });
  const curves = reader.learningCurves(sweep.name, metric);
  // The descriptive charts show the search: a protocol's replicates are drawn as points on the verdict's chart instead.
  const search = rows.filter((row) => (row.stage ?? SEARCH_STAGE) === SEARCH_STAGE);
  const described = new Map(describeStrategies(comparableTrials(search, new Map()), by, sweep.direction).groups.map((g) => [strategyKey(g.value), g]));
  const members = new Map<string, TrialRow[]>();
  for (const row of search) {
    const key = strategyKey(row.params[by]);
    let list = members.get(key);
    if (list === undefined) members.set(key, (list = []));
    list.push(row);
  }
  const views = verdict.groups.map((group) => {
    const key = strategyKey(group.value ?? undefined);
    const stats: StrategyGroup = described.get(key) ?? { value: group.value ?? undefined, label: group.label, ...EMPTY_GROUP };
    return view(stats, members.get(key) ?? [], curves, sweep.direction);
  });
  return { ...verdict, metric, views };
}
