import { boundViolation } from '../multi-objective/constraint-violation.js';
import type { MultiObjectiveHistory } from '../multi-objective/mo-history.js';
import type { VectorObjectives } from '../pruners/pruner.js';
import { constraintsOf, isVectorSweep, objectivesOf } from '../spec/objectives.js';
import type { SweepSpec } from '../spec/sweep-spec.js';

/** A multi-objective or constrained spec's objectives and constraints; undefined for one metric without constraints. */
export function specVectorObjectives(spec: Pick<SweepSpec, 'metric' | 'metrics' | 'constraints'>): VectorObjectives | undefined {
  if (!isVectorSweep(spec)) return undefined;
  return {
    objectives: objectivesOf(spec).map((objective) => ({ name: objective.name, direction: objective.goal })),
    constraints: constraintsOf(spec).map((constraint) => ({ ...constraint })),
  };
}

/**
 * How the multi-objective samplers read a study's trials: each objective's final value from the
 * trial's `values`, and each constraint's violation (Infinity for a metric the trial never gave:
 * it cannot be shown feasible).
 */
export function vectorHistory(vector: VectorObjectives): MultiObjectiveHistory {
  const names = vector.objectives.map((objective) => objective.name);
  const history: MultiObjectiveHistory = {
    directions: vector.objectives.map((objective) => objective.direction),
    valuesOf(trial) {
      const values = trial.values;
      if (values === undefined) return undefined;
      const vector: number[] = [];
      for (const name of names) {
        const value = values[name];
        if (typeof value !== 'number') return undefined;
        vector.push(value);
      }
      return vector;
    },
  };
  if (vector.constraints.length === 0) return history;
  return {
    ...history,
    violationsOf: (trial) => vector.constraints.map((constraint) => boundViolation(trial.values?.[constraint.metric], constraint)),
  };
}
