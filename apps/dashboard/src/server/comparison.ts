/**
 * GET /api/sweeps/:name/compare — core's compareStrategies over the stored trials, exactly as
 * `sweep compare` calls it (same trials, same curves of the sweep's metric), so the dashboard names
 * the same winner; plus, per group, what the charts draw: the final values, best-so-far over
 * trials, and the median learning curve with its interquartile band.
 */
import { compareStrategies, isBetter, quantileSorted, type Direction, type ParamValue, type StrategyGroup, type SweepRecord } from '@loopsweep/core';
import { comparableTrials, type SweepReader, type TrialRow } from '@loopsweep/store';
import type { MedianCurvePoint, StrategyComparisonResponse, StrategyGroupView } from '../api/types.js';

type Curves = Map<number, [step: number, value: number][]>;

function groupKey(value: ParamValue | undefined): string {
  return value === undefined ? '\u0000inactive' : `${typeof value}:${String(value)}`;
}

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

/**
 * @param rows every trial of the sweep by number (as `sweep compare` reads them).
 * @param metric the metric of the median curves (the sweep's by default); the comparison itself
 *   is always of the sweep's metric, as `sweep compare`'s is.
 */
export function buildComparison(reader: SweepReader, rows: readonly TrialRow[], sweep: SweepRecord, by: string, metric: string): StrategyComparisonResponse {
  const { curves, curveMetric } = reader.snapshot(() => {
    const objectiveCurves = reader.learningCurves(sweep.name, sweep.metric);
    return { curves: objectiveCurves, curveMetric: metric === sweep.metric ? objectiveCurves : reader.learningCurves(sweep.name, metric) };
  });
  const comparison = compareStrategies(comparableTrials(rows, curves), by, sweep.direction);
  const members = new Map<string, TrialRow[]>();
  for (const row of rows) {
    const key = groupKey(row.params[by]);
    let list = members.get(key);
    if (list === undefined) members.set(key, (list = []));
    list.push(row);
  }
  const groups = comparison.groups.map((group) => view(group, members.get(groupKey(group.value)) ?? [], curveMetric, sweep.direction));
  const winner =
    comparison.winner === undefined ? undefined : groups.find((group) => group.label === comparison.winner?.label && group.value === comparison.winner.value);
  return { by: comparison.by, direction: comparison.direction, verdict: comparison.verdict, metric, groups, ...(winner === undefined ? {} : { winner }) };
}
