import { describe, expect, it } from 'vitest';
import type { PopulationResponse } from '../api/types';
import { bestPath, exploitJumps, populationCurvesOption, scheduleByEpoch, scheduleOption, slotColor } from './population-option';

const DATA: PopulationResponse = {
  metric: 'loss',
  direction: 'minimize',
  population: 2,
  interval: 2,
  maxEpochs: 4,
  members: [
    {
      number: 0,
      state: 'PRUNED',
      stage: 'search',
      slot: 0,
      params: { lr: 0.4 },
      points: [
        [1, 1],
        [2, 0.9],
      ],
    },
    {
      number: 1,
      state: 'COMPLETE',
      stage: 'search',
      slot: 1,
      params: { lr: 0.2 },
      value: 0.3,
      points: [
        [1, 0.8],
        [2, 0.6],
        [3, 0.5],
        [4, 0.3],
      ],
    },
    {
      number: 2,
      state: 'COMPLETE',
      stage: 'exploit',
      slot: 0,
      params: { lr: 0.1 },
      value: 0.2,
      lineage: { parent: 1, step: 2, replaces: 0 },
      points: [
        [3, 0.4],
        [4, 0.2],
      ],
    },
  ],
  best: {
    trial: 2,
    chain: [
      { number: 1, fromStep: 1, toStep: 2, params: { lr: 0.2 }, value: 0.6 },
      { number: 2, fromStep: 3, toStep: 4, params: { lr: 0.1 }, value: 0.2 },
    ],
    schedule: {
      lr: [
        { from: 1, to: 2, value: 0.2 },
        { from: 3, to: 4, value: 0.1 },
      ],
    },
  },
};

describe('population charts', () => {
  it('draws an exploit jump from the parent’s value at the step to the child’s first point, in the child’s slot colour', () => {
    expect(exploitJumps(DATA)).toEqual([{ number: 2, slot: 0, from: [2, 0.6], to: [3, 0.4] }]);
    const series = populationCurvesOption(DATA).series as { name: string; lineStyle: { color: string; width: number } }[];
    expect(series.map((s) => s.name)).toEqual(['best member', '#0', '#1', '#2', '#2 exploit']);
    expect(series[3]?.lineStyle.color).toBe(slotColor(0));
    expect(series[1]?.lineStyle.color).toBe(series[3]?.lineStyle.color);
    expect(series[2]?.lineStyle.color).not.toBe(series[1]?.lineStyle.color);
    // The best member's path: #1 for epochs 1–2, then #2 for 3–4.
    expect(bestPath(DATA)).toEqual([
      [1, 1, 0.8],
      [1, 2, 0.6],
      [2, 3, 0.4],
      [2, 4, 0.2],
    ]);
  });

  it('gives the schedule per epoch and draws it as steps, on a log axis for a log param', () => {
    expect(scheduleByEpoch(DATA.best?.schedule['lr'] ?? [])).toEqual([0.2, 0.2, 0.1, 0.1]);
    const option = scheduleOption('lr', DATA.best?.schedule['lr'] ?? [], true);
    expect((option.yAxis as { type: string }).type).toBe('log');
    expect((option.series as { data: unknown[]; step: string }[])[0]).toMatchObject({
      step: 'middle',
      data: [
        [1, 0.2],
        [2, 0.2],
        [3, 0.1],
        [4, 0.1],
      ],
    });
    const categorical = scheduleOption(
      'cell',
      [
        { from: 1, to: 1, value: 'gru' },
        { from: 2, to: 2, value: 'lstm' },
      ],
      false,
    );
    expect(categorical.yAxis).toMatchObject({ type: 'category', data: ['gru', 'lstm'] });
  });
});

describe('population curves axis', () => {
  it('uses a log axis when the metric spans orders of magnitude, a linear one otherwise', () => {
    expect((populationCurvesOption(DATA).yAxis as { type: string }).type).toBe('value');
    const wide = {
      ...DATA,
      members: DATA.members.map((m, i) =>
        i === 0
          ? {
              ...m,
              points: [
                [1, 100],
                [2, 0.5],
              ] as [number, number][],
            }
          : m,
      ),
    };
    expect(populationCurvesOption(wide).yAxis).toMatchObject({ type: 'log', name: 'loss (minimize, log scale)' });
  });
});
