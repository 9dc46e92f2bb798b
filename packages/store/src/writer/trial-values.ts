import type { StoredTrial } from '@loopsweep/core';
import { metricValue } from '../codec/nullable.js';
import type { StatementCache } from '../sqlite/statement-cache.js';

/** Replaces the trial's final values with `values` (NaN stored as NULL, as in `metrics`). */
export function writeValues(statements: StatementCache, trialId: number, values: Readonly<Record<string, number>>): void {
  statements.get('DELETE FROM trial_values WHERE trial_id = ?').run(trialId);
  const insert = statements.get('INSERT INTO trial_values (trial_id, name, value) VALUES (?, ?, ?)');
  for (const [name, value] of Object.entries(values)) insert.run(trialId, name, Number.isNaN(value) ? null : value);
}

/**
 * `trials` with each one's `intermediateValues` (the `tracked` metrics per reported step, every
 * step of the trial's `intermediate` present, with whatever of them it reported there) and final
 * `values` where it has any.
 */
export function withVectors(statements: StatementCache, sweepId: number, trials: readonly StoredTrial[], tracked: readonly string[]): StoredTrial[] {
  const steps = new Map<number, Map<number, Record<string, number>>>();
  const select = statements.get(
    'SELECT t.number, m.step, m.value FROM trials t CROSS JOIN metrics m ON m.trial_id = t.id WHERE t.sweep_id = ? AND m.name = ? ORDER BY t.number, m.step',
  );
  for (const name of tracked) {
    for (const point of select.all(sweepId, name) as { number: number; step: number; value: number | null }[]) {
      let trial = steps.get(point.number);
      if (trial === undefined) steps.set(point.number, (trial = new Map<number, Record<string, number>>()));
      let at = trial.get(point.step);
      if (at === undefined) trial.set(point.step, (at = {}));
      at[name] = metricValue(point.value);
    }
  }
  const finals = new Map<number, Record<string, number>>();
  const rows = statements
    .get('SELECT t.number, v.name, v.value FROM trials t CROSS JOIN trial_values v ON v.trial_id = t.id WHERE t.sweep_id = ?')
    .all(sweepId) as { number: number; name: string; value: number | null }[];
  for (const row of rows) {
    let values = finals.get(row.number);
    if (values === undefined) finals.set(row.number, (values = {}));
    values[row.name] = metricValue(row.value);
  }
  return trials.map((trial) => {
    const reported = steps.get(trial.number);
    const intermediateValues = new Map<number, Record<string, number>>();
    for (const step of trial.intermediate.keys()) intermediateValues.set(step, reported?.get(step) ?? {});
    const values = finals.get(trial.number);
    return { ...trial, intermediateValues, ...(values === undefined ? {} : { values }) };
  });
}
