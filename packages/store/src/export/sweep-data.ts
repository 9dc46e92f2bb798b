import { StoreError, type SweepRecord } from '@loopsweep/core';
import type { SweepReader } from '../reader/sweep-reader.js';
import type { TrialRow } from '../reader/types.js';

/** Everything an export shows of one sweep, read in one snapshot. */
export interface SweepData {
  readonly record: SweepRecord;
  readonly trials: readonly TrialRow[];
  /** Metric names, the tracked metric first, then the others sorted. */
  readonly metricNames: readonly string[];
  /** Per metric, per trial number: [step, value] in step order. */
  readonly curves: ReadonlyMap<string, ReadonlyMap<number, readonly (readonly [number, number])[]>>;
  /** Multi-objective and constrained sweeps: each trial's final values (SweepReader.finalValues); empty otherwise. */
  readonly finalValues: ReadonlyMap<number, Readonly<Record<string, number>>>;
  /** The names in finalValues: the spec's objectives, then its constrained metrics, then any others sorted. */
  readonly finalNames: readonly string[];
}

/**
 * Reads the sweep in one snapshot, so a sweep being written exports consistently.
 * @throws {StoreError} when there is no sweep of that name (the message lists those there are).
 */
export function readSweepData(reader: SweepReader, name: string): SweepData {
  return reader.snapshot(() => {
    const record = reader.getSweep(name);
    if (record === undefined) {
      const names = reader.listSweeps().map((sweep) => sweep.name);
      throw new StoreError(`no sweep named '${name}' in ${reader.path} (${names.length === 0 ? 'it has no sweeps' : `sweeps: ${names.join(', ')}`})`);
    }
    const found = reader.metricNames(name);
    const metricNames = [...found.filter((metric) => metric === record.metric), ...found.filter((metric) => metric !== record.metric)];
    const curves = new Map(metricNames.map((metric) => [metric, reader.learningCurves(name, metric)] as const));
    const finalValues = reader.finalValues(name);
    return { record, trials: reader.trials(name), metricNames, curves, finalValues, finalNames: finalNamesOf(record.spec, finalValues) };
  });
}

/** Parameter names: the spec's `parameters` in the spec's order, then any others as trials first show them. */
export function paramNames(data: SweepData): string[] {
  const spec = data.record.spec as { parameters?: unknown } | null;
  const declared = typeof spec?.parameters === 'object' && spec.parameters !== null ? Object.keys(spec.parameters) : [];
  const names = new Set(declared);
  for (const trial of data.trials) for (const name of Object.keys(trial.params)) names.add(name);
  return [...names];
}

function finalNamesOf(spec: unknown, finalValues: ReadonlyMap<number, Readonly<Record<string, number>>>): string[] {
  const found = new Set<string>();
  for (const values of finalValues.values()) for (const name of Object.keys(values)) found.add(name);
  const document = (typeof spec === 'object' && spec !== null ? spec : {}) as { metrics?: unknown; constraints?: unknown };
  const declared: string[] = [];
  const named = (list: unknown, key: string) =>
    Array.isArray(list)
      ? list.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined))
      : [];
  for (const name of [...named(document.metrics, 'name'), ...named(document.constraints, 'metric')]) {
    if (typeof name === 'string' && found.has(name) && !declared.includes(name)) declared.push(name);
  }
  return [...declared, ...[...found].filter((name) => !declared.includes(name)).sort()];
}
