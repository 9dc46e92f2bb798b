import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { TrialState } from '../../trial/trial-state.js';

/**
 * A trial record for pruner tests. `values` as an array are steps 1, 2, …; as an object, any
 * steps. A COMPLETE or PRUNED trial's value is its last report.
 */
export function makeTrial(number: number, values: readonly number[] | Readonly<Record<number, number>>, state: TrialState = 'RUNNING'): FrozenTrial {
  const entries: [number, number][] = Array.isArray(values) ? values.map((v, i) => [i + 1, v]) : Object.entries(values).map(([step, v]) => [Number(step), v]);
  entries.sort((a, b) => a[0] - b[0]);
  const last = entries.at(-1)?.[1];
  const finished = state === 'COMPLETE' || state === 'PRUNED';
  return { number, state, params: {}, intermediate: new Map(entries), attempt: 1, ...(finished && last !== undefined ? { value: last } : {}) };
}

/** The same trial with every value negated (for direction symmetry). */
export function negated(trial: FrozenTrial): FrozenTrial {
  const intermediate = new Map([...trial.intermediate].map(([step, v]) => [step, -v] as [number, number]));
  return { ...trial, intermediate, ...(trial.value === undefined ? {} : { value: -trial.value }) };
}
