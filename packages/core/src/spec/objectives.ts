import type { ConstraintSpec, MetricSpec, SweepSpec } from './sweep-spec.js';

type ObjectiveSections = Pick<SweepSpec, 'metric' | 'metrics' | 'constraints'>;

/** The objectives a spec optimizes, in its order: `metrics`, or the one `metric`. */
export function objectivesOf(spec: ObjectiveSections): readonly MetricSpec[] {
  return spec.metrics ?? [spec.metric];
}

/** The spec's constraints, [] when it has none. */
export function constraintsOf(spec: ObjectiveSections): readonly ConstraintSpec[] {
  return spec.constraints ?? [];
}

/**
 * Whether each trial's result is a vector (several objectives, or constraints to judge it by)
 * rather than one number: such sweeps use the multi-objective samplers, MO-ASHA and Pareto fronts.
 */
export function isVectorSweep(spec: ObjectiveSections): boolean {
  return spec.metrics !== undefined || (spec.constraints?.length ?? 0) > 0;
}

/**
 * The metrics a trial's record keeps per step and at its end besides its value: the objectives,
 * then each constrained metric not already among them. Empty for a one-metric, unconstrained sweep.
 */
export function trackedMetricsOf(spec: ObjectiveSections): string[] {
  if (!isVectorSweep(spec)) return [];
  const names = objectivesOf(spec).map((objective) => objective.name);
  for (const constraint of constraintsOf(spec)) if (!names.includes(constraint.metric)) names.push(constraint.metric);
  return names;
}

/** The spec's objectives as summarizeFront reads them: name, direction and reference value, if the spec gives one. */
export function frontObjectivesOf(spec: ObjectiveSections): { name: string; direction: 'minimize' | 'maximize'; reference?: number }[] {
  return objectivesOf(spec).map((objective) => ({
    name: objective.name,
    direction: objective.goal,
    ...(objective.reference === undefined ? {} : { reference: objective.reference }),
  }));
}
