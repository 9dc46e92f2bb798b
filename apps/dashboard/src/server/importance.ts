/** PED-ANOVA parameter importance of a sweep, as GET …/importance answers it and `sweep report` shows it. */
import { pedAnovaImportance, type SweepRecord } from '@loopsweep/core';
import type { SweepReader, TrialRow } from '@loopsweep/store';
import type { ImportanceResponse } from '../api/types.js';
import { sweepParameters } from './sweep-spec-info.js';

export const IMPORTANCE_METHOD = 'PED-ANOVA (top 10% vs all, Pearson divergence)';

/**
 * @param rows every trial of the sweep (only COMPLETE ones are used).
 * @param metric for a metric other than the objective, each trial's last reported value of it.
 */
export function computeImportance(reader: SweepReader, rows: readonly TrialRow[], sweep: SweepRecord, metric: string): ImportanceResponse {
  const complete = rows.filter((row) => row.state === 'COMPLETE');
  const finals =
    metric === sweep.metric
      ? undefined
      : new Map([...reader.learningCurves(sweep.name, metric)].map(([trial, points]) => [trial, points.at(-1)?.[1] ?? Number.NaN]));
  const trials = complete.map((row) => ({ params: row.params, value: (finals === undefined ? row.value : finals.get(row.number)) ?? Number.NaN }));
  const result = pedAnovaImportance(trials, sweepParameters(sweep), sweep.direction);
  return { method: IMPORTANCE_METHOD, metric, importances: result.importances, trialsUsed: result.trialsUsed };
}
