/**
 * A population-based training sweep for the dashboard's Population panel (issue 18): every member
 * with its slot, lineage and curve of the tracked metric, and the best member's chain and schedule
 * (store's memberLineage, which `sweep lineage` prints too).
 */
import { PBT_DEFAULTS, type SweepRecord } from '@loopsweep/core';
import { memberLineage, populationSlots, type SweepReader, type TrialRow } from '@loopsweep/store';
import type { JsonMetric, PopulationResponse } from '../api/types.js';
import { sweepSettings } from './sweep-spec-info.js';

/** The sweep's sampler when it is pbt, else undefined. */
export function pbtSampler(sweep: SweepRecord): { population: number; interval: number } | undefined {
  const { sampler } = sweepSettings(sweep);
  if (sampler.type !== 'pbt') return undefined;
  return { population: sampler.population ?? PBT_DEFAULTS.population, interval: sampler.interval ?? PBT_DEFAULTS.interval };
}

export function buildPopulation(
  reader: SweepReader,
  rows: readonly TrialRow[],
  sweep: SweepRecord,
  sampler: { population: number; interval: number },
): PopulationResponse {
  const curves = reader.learningCurves(sweep.name, sweep.metric);
  const slots = populationSlots(rows);
  const members = rows.map((row) => ({
    number: row.number,
    state: row.state,
    stage: row.stage ?? 'search',
    slot: slots.get(row.number) ?? 0,
    params: row.params,
    ...(row.value !== undefined ? { value: row.value } : {}),
    ...(row.lineage !== undefined ? { lineage: row.lineage } : {}),
    points: (curves.get(row.number) ?? []).map(([step, value]): [number, JsonMetric] => [step, Number.isNaN(value) ? null : value]),
  }));
  const [best] = reader.best(sweep.name, 1);
  const { budget } = sweepSettings(sweep);
  return {
    metric: sweep.metric,
    direction: sweep.direction,
    population: sampler.population,
    interval: sampler.interval,
    ...(budget.maxEpochs !== undefined ? { maxEpochs: budget.maxEpochs } : {}),
    members,
    ...(best !== undefined ? { best: memberLineage(rows, curves, best.number) } : {}),
  };
}
