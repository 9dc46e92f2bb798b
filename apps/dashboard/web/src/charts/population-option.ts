/**
 * A population-based training sweep (GET …/population, issue 18): every member's learning curve
 * coloured by its population slot (a first-generation member starts one, an exploit trial takes
 * the slot of the member it replaces), each exploit drawn as a dashed jump from its parent's curve
 * at the step it continued from to its own first epoch; and the best member's schedule of one
 * param as a step chart over epochs. Each curve's data items are named by trial number, so a
 * click can open the trial.
 */
import type { ParamValue, PopulationMember, PopulationResponse, ScheduleRunInfo } from '../api/types';
import { formatNumber, formatParam } from '../model/format';
import { sideName } from './axis-name';
import { SERIES_COLORS } from './chart-themes';
import type { ChartOption } from './echarts-setup';

export const slotColor = (slot: number): string => SERIES_COLORS[slot % SERIES_COLORS.length] as string;

/** The parent's value at `step`, where it has one. */
function valueAt(member: PopulationMember | undefined, step: number): number | null | undefined {
  return member?.points.find(([s]) => s === step)?.[1];
}

/** Per exploit member whose parent has a point at the step: [from point, to point] of its jump. */
export function exploitJumps(data: PopulationResponse): { number: number; slot: number; from: [number, number]; to: [number, number] }[] {
  const byNumber = new Map(data.members.map((member) => [member.number, member]));
  return data.members.flatMap((member) => {
    if (member.lineage === undefined) return [];
    const start = valueAt(byNumber.get(member.lineage.parent), member.lineage.step);
    const first = member.points[0];
    if (start === undefined || start === null || first === undefined || first[1] === null) return [];
    return [{ number: member.number, slot: member.slot, from: [member.lineage.step, start] as [number, number], to: [first[0], first[1]] as [number, number] }];
  });
}

const BEST_PATH_COLOR = '#555555';

/**
 * The curve the best member's training followed: each trial of its chain over its own epochs
 * (fromStep…toStep), joined where the next continues from it. [trial, step, value] in step order.
 */
export function bestPath(data: PopulationResponse): [number, number, number | null][] {
  const byNumber = new Map(data.members.map((member) => [member.number, member]));
  return (data.best?.chain ?? []).flatMap((segment) =>
    (byNumber.get(segment.number)?.points ?? [])
      .filter(([step]) => step >= segment.fromStep && step <= segment.toStep)
      .map(([step, value]): [number, number, number | null] => [segment.number, step, value]),
  );
}

/** The members' curves by slot colour, exploit jumps dashed, the best member's path as a broad grey band beneath. */
export function populationCurvesOption(data: PopulationResponse): ChartOption {
  const describe = (member: PopulationMember): string =>
    `trial #${member.number} (slot ${member.slot}, ${member.state.toLowerCase()}${member.lineage ? `, continues #${member.lineage.parent} from epoch ${member.lineage.step}` : ''})`;
  const curves = data.members.map((member) => ({
    type: 'line' as const,
    name: `#${member.number}`,
    data: member.points.map(([step, value]) => ({ name: String(member.number), value: [step, value] })),
    showSymbol: member.points.length === 1,
    symbolSize: 4,
    lineStyle: { width: 1.5, opacity: 0.85, color: slotColor(member.slot) },
    itemStyle: { color: slotColor(member.slot) },
    emphasis: { focus: 'series' as const },
    tooltip: {
      formatter: (p: unknown) =>
        `${describe(member)}<br>epoch ${(p as { value: [number, number] }).value[0]}: ${data.metric} ${formatNumber((p as { value: [number, number] }).value[1])}`,
    },
    z: 3,
  }));
  const path = bestPath(data);
  const best =
    path.length === 0
      ? []
      : [
          {
            type: 'line' as const,
            name: 'best member',
            data: path.map(([number, step, value]) => ({ name: String(number), value: [step, value] })),
            showSymbol: false,
            lineStyle: { width: 7, opacity: 0.22, color: BEST_PATH_COLOR },
            itemStyle: { color: BEST_PATH_COLOR },
            tooltip: { formatter: () => `the best member (#${data.best?.trial ?? ''}) and the trials behind it` },
            z: 1,
          },
        ];
  const jumps = exploitJumps(data).map((jump) => ({
    type: 'line' as const,
    name: `#${jump.number} exploit`,
    data: [
      { name: String(jump.number), value: jump.from },
      { name: String(jump.number), value: jump.to },
    ],
    showSymbol: true,
    symbol: 'circle',
    symbolSize: 5,
    lineStyle: { width: 1.5, type: 'dashed' as const, color: slotColor(jump.slot) },
    itemStyle: { color: slotColor(jump.slot) },
    tooltip: { formatter: () => `trial #${jump.number} continues from epoch ${jump.from[0]} (${data.metric} ${formatNumber(jump.from[1])})` },
    z: 4,
  }));
  // A loss that falls by orders of magnitude reads on a log axis; an accuracy does not need one.
  const values = data.members.flatMap((member) => member.points.map(([, value]) => value)).filter((value): value is number => value !== null);
  const log = values.length > 0 && values.every((value) => value > 0) && Math.max(...values) / Math.min(...values) > 20;
  return {
    grid: { left: 72, right: 24, top: 24, bottom: 52 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: 'epoch',
      nameLocation: 'middle',
      nameGap: 30,
      minInterval: 1,
      min: 1,
      ...(data.maxEpochs !== undefined ? { max: data.maxEpochs } : {}),
    },
    yAxis: { type: log ? 'log' : 'value', ...sideName(`${data.metric} (${data.direction}${log ? ', log scale' : ''})`), nameGap: 56, scale: true },
    series: [...best, ...curves, ...jumps],
  };
}

/** The value of each epoch 1…last of a schedule (null where no run covers it). */
export function scheduleByEpoch(runs: readonly ScheduleRunInfo[]): (ParamValue | null)[] {
  const last = runs.reduce((max, run) => Math.max(max, run.to), 0);
  const values: (ParamValue | null)[] = Array.from({ length: last }, () => null);
  for (const run of runs) for (let epoch = run.from; epoch <= run.to; epoch++) values[epoch - 1] = run.value;
  return values;
}

/** One param's value over the best member's epochs, as steps (a category axis for a non-numeric param). */
export function scheduleOption(param: string, runs: readonly ScheduleRunInfo[], log: boolean): ChartOption {
  const values = scheduleByEpoch(runs);
  const numeric = values.every((value) => value === null || typeof value === 'number');
  const categories = numeric ? [] : [...new Set(values.filter((v) => v !== null).map((v) => String(v)))];
  const data = values.map((value, i): [number, number | string] => [i + 1, value === null ? '-' : typeof value === 'number' ? value : String(value)]);
  return {
    grid: { left: 72, right: 24, top: 16, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const [point] = p as { value: [number, ParamValue | null] }[];
        return point === undefined ? '' : `epoch ${point.value[0]}: ${param} ${formatParam(point.value[1] ?? undefined)}`;
      },
    },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 28, minInterval: 1, min: 1, max: Math.max(values.length, 1) },
    yAxis: numeric
      ? { type: log && values.every((v) => v === null || v > 0) ? 'log' : 'value', ...sideName(param), nameGap: 56, scale: true }
      : { type: 'category', data: categories, ...sideName(param), nameGap: 56 },
    series: [{ type: 'line', name: param, data, step: 'middle', showSymbol: true, symbolSize: 4, lineStyle: { width: 2.5 } }],
  };
}
