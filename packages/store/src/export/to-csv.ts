import { stringify } from 'csv-stringify/sync';
import { SEARCH_STAGE, type ParamValue } from '@loopsweep/core';
import { paramNames, type SweepData } from './sweep-data.js';

function iso(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

function cell(value: ParamValue | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * One row per trial in number order: number, state, value, attempt, started_at, finished_at (ISO
 * 8601), duration_s, failure_reason, stage ('search' for the sampler's), seed (the one the trial
 * ran with, derived for trials recorded before seeds were stored), origin (the trial it re-runs;
 * empty for none), then `param_<name>` per parameter (empty where inactive) and `metric_<name>`
 * per metric (its value at the last step the trial reported it; 'NaN' for NaN); a multi-objective or
 * constrained sweep adds `final_<name>` per objective and constrained metric (the trial's final
 * value, as stored).
 * Quoting (commas, quotes, line breaks) is csv-stringify's, so any spreadsheet reads it back.
 */
export function toCsv(data: SweepData): string {
  const params = paramNames(data);
  const header = [
    'number',
    'state',
    'value',
    'attempt',
    'started_at',
    'finished_at',
    'duration_s',
    'failure_reason',
    'stage',
    'seed',
    'origin',
    ...params.map((name) => `param_${name}`),
    ...data.metricNames.map((name) => `metric_${name}`),
    ...data.finalNames.map((name) => `final_${name}`),
  ];
  const rows = data.trials.map((trial) => [
    String(trial.number),
    trial.state,
    cell(trial.value),
    String(trial.attempt),
    iso(trial.startedAt),
    iso(trial.finishedAt),
    trial.startedAt === undefined || trial.finishedAt === undefined ? '' : String((trial.finishedAt - trial.startedAt) / 1000),
    trial.failureReason ?? '',
    trial.stage ?? SEARCH_STAGE,
    cell(trial.seed),
    cell(trial.origin),
    ...params.map((name) => cell(trial.params[name])),
    ...data.metricNames.map((name) => cell(data.curves.get(name)?.get(trial.number)?.at(-1)?.[1])),
    ...data.finalNames.map((name) => cell(data.finalValues.get(trial.number)?.[name])),
  ]);
  return stringify([header, ...rows]);
}
