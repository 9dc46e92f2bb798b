/**
 * The Pareto front of a multi-objective (or constrained) sweep as the read commands show it: core's
 * summarizeFront over the final values of the sweep's COMPLETE trials (a PRUNED trial's values are
 * from an earlier epoch, so it never counts), read in one snapshot.
 */
import {
  constraintsOf,
  frontObjectivesOf,
  isVectorSweep,
  objectivesOf,
  summarizeFront,
  validateSweepSpec,
  type ConstraintSpec,
  type FrontSummary,
  type MetricSpec,
  type SweepRecord,
  type SweepSpec,
} from '@loopsweep/core';
import type { SweepReader, TrialRow } from '@loopsweep/store';
import { UsageError } from './errors.js';
import { formatNumber } from './format/value.js';

/** The stored spec of a multi-objective or constrained sweep, validated again; undefined for a one-metric, unconstrained sweep. */
export function vectorSpecOf(sweep: SweepRecord): SweepSpec | undefined {
  const raw = sweep.spec;
  if (typeof raw !== 'object' || raw === null || !isVectorSweep(raw as Pick<SweepSpec, 'metric' | 'metrics' | 'constraints'>)) return undefined;
  try {
    return validateSweepSpec(raw, `stored for sweep '${sweep.name}'`);
  } catch (error) {
    throw new UsageError(
      `sweep '${sweep.name}': its stored spec does not validate, so its objectives cannot be read`,
      error instanceof Error ? error.message.split('\n')[0] : undefined,
    );
  }
}

export interface SweepFront {
  readonly objectives: readonly MetricSpec[];
  readonly constraints: readonly ConstraintSpec[];
  /** The objectives, then each constrained metric not among them: the values shown per trial. */
  readonly metrics: readonly string[];
  readonly summary: FrontSummary;
  /** The COMPLETE trials, by number. */
  readonly complete: ReadonlyMap<number, TrialRow>;
  /** The final values of the COMPLETE trials that have any, by number. */
  readonly values: ReadonlyMap<number, Readonly<Record<string, number>>>;
  /** The COMPLETE trials with every objective a number and every constraint met. */
  readonly feasible: ReadonlySet<number>;
}

/** The sweep's front, or undefined when it is a one-metric, unconstrained sweep. */
export function readFront(reader: SweepReader, sweep: SweepRecord): SweepFront | undefined {
  const spec = vectorSpecOf(sweep);
  if (spec === undefined) return undefined;
  return reader.snapshot(() => frontOf(spec, reader.trials(sweep.name, { states: ['COMPLETE'] }), reader.finalValues(sweep.name)));
}

/** The front of `rows` (only the COMPLETE ones count) with their final values `finalValues`. */
export function frontOf(spec: SweepSpec, rows: readonly TrialRow[], finalValues: ReadonlyMap<number, Readonly<Record<string, number>>>): SweepFront {
  const objectives = objectivesOf(spec);
  const constraints = constraintsOf(spec);
  const metrics = objectives.map((objective) => objective.name);
  for (const constraint of constraints) if (!metrics.includes(constraint.metric)) metrics.push(constraint.metric);
  const complete = new Map(rows.filter((row) => row.state === 'COMPLETE').map((row) => [row.number, row]));
  const values = new Map<number, Readonly<Record<string, number>>>();
  for (const number of complete.keys()) {
    const trialValues = finalValues.get(number);
    if (trialValues !== undefined) values.set(number, trialValues);
  }
  const summary = summarizeFront(
    [...values.entries()].map(([number, trialValues]) => ({ number, values: trialValues })),
    frontObjectivesOf(spec),
    constraints,
  );
  const infeasible = new Set(summary.infeasible);
  const feasible = new Set(
    [...values.entries()]
      .filter(([number, trialValues]) => !infeasible.has(number) && objectives.every((objective) => Number.isFinite(trialValues[objective.name])))
      .map(([number]) => number),
  );
  return { objectives, constraints, metrics, summary, complete, values, feasible };
}

/** The feasible COMPLETE trials by their value (the first objective) in `direction`, ties by number: a constrained sweep's best. */
export function bestFeasible(front: SweepFront, direction: 'minimize' | 'maximize', top: number): TrialRow[] {
  const sign = direction === 'maximize' ? -1 : 1;
  return [...front.feasible]
    .map((number) => front.complete.get(number) as TrialRow)
    .filter((row) => row.value !== undefined && Number.isFinite(row.value))
    .sort((a, b) => sign * ((a.value as number) - (b.value as number)) || a.number - b.number)
    .slice(0, top);
}

/** What `sweep status` shows of a front. */
export interface FrontStatus {
  /** The objectives' names: one for a constrained one-metric sweep. */
  readonly objectives: readonly string[];
  readonly size: number;
  readonly considered: number;
  readonly infeasible: number;
  readonly hypervolume: number;
  readonly reference: Record<string, number> | null;
  readonly referenceSource: 'spec' | 'derived';
}

export function frontStatus(front: SweepFront): FrontStatus {
  return {
    objectives: front.objectives.map((objective) => objective.name),
    size: front.summary.front.length,
    considered: front.summary.considered,
    infeasible: front.summary.infeasible.length,
    hypervolume: front.summary.hypervolume,
    reference: referenceOf(front),
    referenceSource: front.summary.referenceSource,
  };
}

/** `size ≤ 50`, `loss ≥ 0 and ≤ 2`. */
export function formatConstraint(constraint: ConstraintSpec): string {
  const bounds = [
    ...(constraint.min === undefined ? [] : [`≥ ${formatNumber(constraint.min)}`]),
    ...(constraint.max === undefined ? [] : [`≤ ${formatNumber(constraint.max)}`]),
  ];
  return `${constraint.metric} ${bounds.join(' and ')}`;
}

/** The reference point by objective name, or null when no trial is feasible. */
export function referenceOf(front: SweepFront): Record<string, number> | null {
  const reference = front.summary.reference;
  if (reference === undefined) return null;
  return Object.fromEntries(front.objectives.map((objective, i) => [objective.name, reference[i] as number]));
}

/** `hypervolume 0.8123 (reference f1=1.1 f2=5.2; derived: worst feasible + 10% of range)`. */
export function formatHypervolume(front: Pick<FrontStatus, 'hypervolume' | 'reference' | 'referenceSource'>): string {
  if (front.reference === null) return 'hypervolume 0 (no feasible trial yet)';
  const point = Object.entries(front.reference)
    .map(([name, value]) => `${name}=${formatNumber(value)}`)
    .join(' ');
  const source = front.referenceSource === 'spec' ? 'from the spec' : 'derived: worst feasible + 10% of range';
  return `hypervolume ${formatNumber(front.hypervolume)} (reference ${point}; ${source})`;
}

/** `11 complete trials considered, 2 infeasible`. */
export function formatConsidered(front: Pick<FrontStatus, 'considered' | 'infeasible'>): string {
  const { considered, infeasible } = front;
  return `${considered} complete ${considered === 1 ? 'trial' : 'trials'} considered, ${infeasible} infeasible`;
}
