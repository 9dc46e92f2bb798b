/**
 * The Pareto front of a multi-objective sweep (GET …/front): with two objectives a scatter of every
 * finished trial with the front as a staircase through its members; with three or more, parallel
 * coordinates of the objectives and a scatter matrix of each pair; and the hypervolume over trials.
 * Infeasible trials are hollow grey rings, pruned ones small diamonds (their values are from the
 * epoch they stopped at, so they are never on the front). Each point's data item is named by its
 * trial number, so a click can open the trial.
 */
import type { FrontResponse, FrontTrial, ObjectiveInfo } from '../api/types';
import { formatNumber } from '../model/format';
import { STATE_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';
import { sideName } from './axis-name';

/** The point kinds, in drawing order (the front last, on top); also the legend's names. */
export const FRONT_KINDS = ['pruned', 'infeasible', 'dominated', 'Pareto front'] as const;
export type FrontKind = (typeof FRONT_KINDS)[number];

const FRONT_COLOR = '#D55E00';
const INFEASIBLE_COLOR = '#999999';

export function kindOf(trial: FrontTrial): FrontKind {
  if (trial.state !== 'COMPLETE') return 'pruned';
  if (!trial.feasible) return 'infeasible';
  return trial.onFront ? 'Pareto front' : 'dominated';
}

/** An objective's axis title: its name and which way is better. */
export const objectiveLabel = (objective: ObjectiveInfo): string => `${objective.name} (${objective.goal})`;

/** The trials with a number for every objective, by kind. */
export function trialsByKind(data: FrontResponse): Record<FrontKind, FrontTrial[]> {
  const groups: Record<FrontKind, FrontTrial[]> = { pruned: [], infeasible: [], dominated: [], 'Pareto front': [] };
  for (const trial of data.trials) {
    if (data.objectives.every((objective) => typeof trial.values[objective.name] === 'number')) groups[kindOf(trial)].push(trial);
  }
  return groups;
}

const valueOf = (trial: FrontTrial, objective: ObjectiveInfo): number => trial.values[objective.name] as number;

function scatterStyle(kind: FrontKind, large: boolean) {
  const size = large ? 5 : 8;
  switch (kind) {
    case 'Pareto front':
      return { symbol: 'circle', symbolSize: size + 3, itemStyle: { color: FRONT_COLOR, opacity: 1 } };
    case 'dominated':
      return { symbol: 'circle', symbolSize: size, itemStyle: { color: STATE_COLORS.COMPLETE, opacity: 0.55 } };
    case 'infeasible':
      return { symbol: 'emptyCircle', symbolSize: size, itemStyle: { color: INFEASIBLE_COLOR, borderColor: INFEASIBLE_COLOR, borderWidth: 1.5, opacity: 0.9 } };
    case 'pruned':
      return { symbol: 'diamond', symbolSize: size - 2, itemStyle: { color: STATE_COLORS.PRUNED, opacity: 0.45 } };
  }
}

function tooltipFor(data: FrontResponse) {
  const byNumber = new Map(data.trials.map((trial) => [trial.number, trial]));
  const names = [...data.objectives.map((o) => o.name), ...data.constraints.map((c) => c.metric).filter((m) => !data.objectives.some((o) => o.name === m))];
  return (p: unknown): string => {
    const { seriesName, name } = p as { seriesName: string; name: string };
    const trial = byNumber.get(Number(name));
    if (trial === undefined) return '';
    const lines = names.map((metric) => `${metric}: ${formatNumber(trial.values[metric])}`);
    return [`trial #${trial.number} (${seriesName})`, ...lines].join('<br>');
  };
}

/** Where the front's staircase turns: after each member along x when x is minimized, before it when maximized. */
function stepOf(objective: ObjectiveInfo): 'start' | 'end' {
  return objective.goal === 'minimize' ? 'end' : 'start';
}

/** Two objectives (or one, against the trial number): every finished trial, the front as a staircase. */
export function frontScatterOption(data: FrontResponse): ChartOption {
  const groups = trialsByKind(data);
  const [first, second] = data.objectives as [ObjectiveInfo, ObjectiveInfo | undefined];
  const large = data.trials.length > 2000;
  const point = (trial: FrontTrial) => ({
    name: String(trial.number),
    value: second === undefined ? [trial.number, valueOf(trial, first)] : [valueOf(trial, first), valueOf(trial, second)],
  });
  const staircase =
    second === undefined
      ? []
      : [
          {
            type: 'line' as const,
            name: 'Pareto front',
            data: [...groups['Pareto front']].sort((a, b) => valueOf(a, first) - valueOf(b, first)).map(point),
            step: stepOf(first),
            showSymbol: false,
            silent: true,
            lineStyle: { width: 2, color: FRONT_COLOR },
            itemStyle: { color: FRONT_COLOR },
            z: 1,
          },
        ];
  return {
    grid: { left: 72, right: 24, top: 40, bottom: 52 },
    legend: { top: 4, data: [...FRONT_KINDS].reverse() },
    tooltip: { trigger: 'item', formatter: tooltipFor(data) },
    xAxis:
      second === undefined
        ? { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 30, minInterval: 1 }
        : { type: 'value', name: objectiveLabel(first), nameLocation: 'middle', nameGap: 30, scale: true },
    yAxis: { type: 'value', ...sideName(objectiveLabel(second ?? first)), nameGap: 56, scale: true },
    series: [
      ...staircase,
      ...FRONT_KINDS.map((kind) => ({ type: 'scatter' as const, name: kind, data: groups[kind].map(point), ...scatterStyle(kind, large), z: 2 })),
    ],
  };
}

/** Three or more objectives: one line per COMPLETE trial over the objectives' axes, the front drawn strong on top (pruned trials left out). */
export function frontParallelOption(data: FrontResponse): ChartOption {
  const groups = trialsByKind(data);
  const many = data.trials.length > 1000;
  const line = (kind: FrontKind) => {
    switch (kind) {
      case 'Pareto front':
        return { lineStyle: { width: 2.5, opacity: 0.95, color: FRONT_COLOR }, itemStyle: { color: FRONT_COLOR } };
      case 'dominated':
        return { lineStyle: { width: 1, opacity: many ? 0.12 : 0.35, color: STATE_COLORS.COMPLETE }, itemStyle: { color: STATE_COLORS.COMPLETE } };
      default:
        return {
          lineStyle: { width: 1, opacity: many ? 0.12 : 0.45, type: 'dashed' as const, color: INFEASIBLE_COLOR },
          itemStyle: { color: INFEASIBLE_COLOR },
        };
    }
  };
  const drawn = (['infeasible', 'dominated', 'Pareto front'] as const).filter((kind) => groups[kind].length > 0 || kind === 'Pareto front');
  return {
    legend: { top: 4, data: [...drawn].reverse() },
    tooltip: { trigger: 'item', formatter: tooltipFor(data) },
    parallel: { left: 56, right: 56, top: 56, bottom: 32, parallelAxisDefault: { nameLocation: 'start', nameGap: 16 } },
    parallelAxis: data.objectives.map((objective, dim) => ({ dim, name: objectiveLabel(objective), type: 'value', scale: true })),
    series: drawn.map((kind) => ({
      type: 'parallel' as const,
      name: kind,
      smooth: false,
      progressive: 1000,
      ...line(kind),
      data: groups[kind].map((trial) => ({ name: String(trial.number), value: data.objectives.map((objective) => valueOf(trial, objective)) })),
    })),
  };
}

/** Each pair of objectives (i < j) as a small scatter, all kinds of point in each. */
export function objectivePairs(objectives: readonly ObjectiveInfo[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < objectives.length; i++) for (let j = i + 1; j < objectives.length; j++) pairs.push([i, j]);
  return pairs;
}

const MATRIX_COLUMNS = 3;
const CELL_HEIGHT = 260;
const MATRIX_TOP = 36;

export function frontMatrixHeight(objectives: number): number {
  const pairs = (objectives * (objectives - 1)) / 2;
  return MATRIX_TOP + Math.ceil(pairs / MATRIX_COLUMNS) * CELL_HEIGHT;
}

export function frontMatrixOption(data: FrontResponse): ChartOption {
  const groups = trialsByKind(data);
  const pairs = objectivePairs(data.objectives);
  const columns = Math.min(MATRIX_COLUMNS, pairs.length);
  const large = data.trials.length > 2000;
  const width = 100 / columns;
  const axisName = (objective: ObjectiveInfo) => ({ name: objectiveLabel(objective), nameLocation: 'middle' as const, scale: true });
  return {
    legend: { top: 4, data: [...FRONT_KINDS].reverse() },
    tooltip: { trigger: 'item', formatter: tooltipFor(data) },
    grid: pairs.map((_, k) => ({
      left: `${(k % columns) * width + 7}%`,
      width: `${width - 11}%`,
      top: MATRIX_TOP + Math.floor(k / columns) * CELL_HEIGHT + 16,
      height: CELL_HEIGHT - 76,
    })),
    xAxis: pairs.map(([i], k) => ({ type: 'value' as const, gridIndex: k, ...axisName(data.objectives[i] as ObjectiveInfo), nameGap: 26 })),
    yAxis: pairs.map(([, j], k) => ({ type: 'value' as const, gridIndex: k, ...axisName(data.objectives[j] as ObjectiveInfo), nameGap: 40 })),
    series: pairs.flatMap(([i, j], k) =>
      FRONT_KINDS.map((kind) => ({
        type: 'scatter' as const,
        name: kind,
        xAxisIndex: k,
        yAxisIndex: k,
        ...scatterStyle(kind, large),
        data: groups[kind].map((trial) => ({
          name: String(trial.number),
          value: [valueOf(trial, data.objectives[i] as ObjectiveInfo), valueOf(trial, data.objectives[j] as ObjectiveInfo)],
        })),
      })),
    ),
  };
}

/** The front's hypervolume after each COMPLETE trial (one reference point throughout, so it never falls). */
export function hypervolumeOption(data: FrontResponse): ChartOption {
  return {
    grid: { left: 72, right: 24, top: 24, bottom: 48 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { value } = p as { value: [number, number] };
        return `after trial #${value[0]}: ${formatNumber(value[1])}`;
      },
    },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', ...sideName('hypervolume'), nameGap: 56, scale: true },
    series: [
      {
        type: 'line',
        name: 'hypervolume',
        step: 'end',
        data: data.hypervolumeHistory.map((point) => ({ name: String(point.number), value: [point.number, point.hypervolume] })),
        showSymbol: data.hypervolumeHistory.length <= 200,
        symbolSize: 5,
        lineStyle: { width: 2 },
        itemStyle: { color: FRONT_COLOR },
      },
    ],
  };
}
