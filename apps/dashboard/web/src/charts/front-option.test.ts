import { describe, expect, it } from 'vitest';
import type { FrontResponse, FrontTrial } from '../api/types';
import { frontMatrixOption, frontParallelOption, frontScatterOption, hypervolumeOption, kindOf, objectivePairs, trialsByKind } from './front-option';

const trial = (number: number, values: Record<string, number | null>, rest: Partial<FrontTrial> = {}): FrontTrial => ({
  number,
  state: 'COMPLETE',
  values,
  feasible: true,
  onFront: false,
  ...rest,
});

const TWO: FrontResponse = {
  objectives: [
    { name: 'f1', goal: 'minimize' },
    { name: 'f2', goal: 'minimize' },
  ],
  constraints: [{ metric: 'size', max: 50 }],
  trials: [
    trial(0, { f1: 2, f2: 3, size: 1 }, { onFront: true }),
    trial(1, { f1: 1, f2: 5, size: 1 }, { onFront: true }),
    trial(2, { f1: 3, f2: 4, size: 1 }),
    trial(3, { f1: 0, f2: 0, size: 99 }, { feasible: false }),
    trial(4, { f1: 0, f2: 0, size: 1 }, { state: 'PRUNED' }),
    trial(5, { f1: null, f2: 1, size: 1 }),
  ],
  front: [
    { number: 0, values: [2, 3], contribution: 2 },
    { number: 1, values: [1, 5], contribution: 1 },
  ],
  considered: 4,
  infeasible: [3],
  hypervolume: 5,
  reference: [3.2, 5.2],
  referenceSource: 'derived',
  hypervolumeHistory: [
    { number: 0, hypervolume: 2 },
    { number: 1, hypervolume: 5 },
  ],
};

type Series = { type: string; name: string; step?: string; data: { name: string; value: number[] }[]; xAxisIndex?: number };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe('front charts', () => {
  it('sorts trials into pruned, infeasible, dominated and front, leaving out a trial without every objective', () => {
    const groups = trialsByKind(TWO);
    expect(Object.fromEntries(Object.entries(groups).map(([kind, trials]) => [kind, trials.map((t) => t.number)]))).toEqual({
      pruned: [4],
      infeasible: [3],
      dominated: [2],
      'Pareto front': [0, 1],
    });
    expect(kindOf(trial(9, {}, { state: 'PRUNED', onFront: false, feasible: false }))).toBe('pruned');
  });

  it('draws the two-objective front as a staircase sorted along x, turning after each member when x is minimized', () => {
    const series = seriesOf(frontScatterOption(TWO));
    const line = series.find((s) => s.type === 'line')!;
    expect(line.step).toBe('end');
    expect(line.data.map((d) => d.name)).toEqual(['1', '0']);
    expect(series.filter((s) => s.type === 'scatter').map((s) => [s.name, s.data.map((d) => d.name)])).toEqual([
      ['pruned', ['4']],
      ['infeasible', ['3']],
      ['dominated', ['2']],
      ['Pareto front', ['0', '1']],
    ]);
    const maximized = { ...TWO, objectives: [{ name: 'f1', goal: 'maximize' as const }, TWO.objectives[1]!] };
    expect(seriesOf(frontScatterOption(maximized)).find((s) => s.type === 'line')?.step).toBe('start');
  });

  it('names the axes by objective and goal', () => {
    const option = frontScatterOption(TWO) as unknown as { xAxis: { name: string }; yAxis: { name: string } };
    expect(option.xAxis.name).toBe('f1 (minimize)');
    expect(option.yAxis.name).toBe('f2 (minimize)');
  });

  it('gives three objectives parallel coordinates without pruned trials, and a scatter per pair', () => {
    const three: FrontResponse = {
      ...TWO,
      objectives: [...TWO.objectives, { name: 'f3', goal: 'maximize' }],
      trials: TWO.trials.map((t) => ({ ...t, values: { ...t.values, f3: 1 } })),
    };
    expect(seriesOf(frontParallelOption(three)).map((s) => s.name)).toEqual(['infeasible', 'dominated', 'Pareto front']);
    expect(objectivePairs(three.objectives)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    const matrix = seriesOf(frontMatrixOption(three));
    expect(matrix).toHaveLength(3 * 4);
    expect(new Set(matrix.map((s) => s.xAxisIndex))).toEqual(new Set([0, 1, 2]));
  });

  it('plots the hypervolume after each trial', () => {
    expect(seriesOf(hypervolumeOption(TWO))[0]?.data.map((d) => d.value)).toEqual([
      [0, 2],
      [1, 5],
    ]);
  });
});
