import { SEARCH_STAGE } from '@loopsweep/core';
import type { SweepData } from './sweep-data.js';

/** One step of a trial's metrics in the JSON export: `{ step, <metric>: value, … }`. */
export type StepMetrics = { step: number } & Record<string, number>;

function stepsOf(data: SweepData, trialNumber: number): StepMetrics[] {
  const steps = new Map<number, StepMetrics>();
  for (const metric of data.metricNames) {
    for (const [step, value] of data.curves.get(metric)?.get(trialNumber) ?? []) {
      let entry = steps.get(step);
      if (entry === undefined) steps.set(step, (entry = { step } as StepMetrics));
      entry[metric] = value;
    }
  }
  return [...steps.values()].sort((a, b) => a.step - b.step);
}

/**
 * `{ sweep: {…record, spec}, trials: [{ number, state, value, failureReason, attempt, startedAt,
 * finishedAt, stage, seed, origin, params, metrics: [{ step, <metric>: value, … }] }] }`, and in a
 * multi-objective or constrained sweep each trial's final `values: { <metric>: value, … }` (null
 * when it has none),
 * pretty-printed. Times are epoch ms as in the record; a field the trial lacks is null (NaN becomes
 * null too, as JSON has none). `seed` is the one the trial ran with (derived for trials recorded
 * before seeds were stored), `stage` 'search' for the sampler's, `origin` the trial it re-runs.
 */
export function toJson(data: SweepData): string {
  const trials = data.trials.map((trial) => ({
    number: trial.number,
    state: trial.state,
    value: trial.value ?? null,
    failureReason: trial.failureReason ?? null,
    attempt: trial.attempt,
    startedAt: trial.startedAt ?? null,
    finishedAt: trial.finishedAt ?? null,
    stage: trial.stage ?? SEARCH_STAGE,
    seed: trial.seed ?? null,
    origin: trial.origin ?? null,
    params: trial.params,
    metrics: stepsOf(data, trial.number),
    ...(data.finalNames.length > 0 ? { values: finalValuesOf(data, trial.number) } : {}),
  }));
  return `${JSON.stringify({ sweep: { ...data.record, finishedAt: data.record.finishedAt ?? null }, trials }, null, 2)}\n`;
}

function finalValuesOf(data: SweepData, trialNumber: number): Record<string, number | null> | null {
  const values = data.finalValues.get(trialNumber);
  if (values === undefined) return null;
  return Object.fromEntries(
    data.finalNames.filter((name) => name in values).map((name) => [name, Number.isNaN(values[name]) ? null : (values[name] as number)]),
  );
}
