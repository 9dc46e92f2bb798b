import type { Direction } from '../trial/frozen-trial.js';
import { boundViolation, type ConstraintBound } from './constraint-violation.js';
import { hypervolume } from './hypervolume.js';
import { hypervolumeContributions } from './hypervolume-contributions.js';
import { nonDominatedSort } from './non-dominated-sort.js';
import { defaultReferencePoint } from './reference-point.js';

/** One objective of a multi-objective sweep, with the reference value its spec gives, if any. */
export interface FrontObjective {
  readonly name: string;
  readonly direction: Direction;
  /** The hypervolume's bound on this objective; absent: derived (defaultReferencePoint). */
  readonly reference?: number;
}

/** A finished trial as the front reads it: its number and final values (FrozenTrial.values, or a store reader's finalValues). */
export interface ValuedTrial {
  readonly number: number;
  readonly values: Readonly<Record<string, number>>;
}

export interface FrontMember {
  readonly number: number;
  /** The objectives' values, in the objectives' order. */
  readonly values: readonly number[];
  /** The hypervolume only this trial adds: the rank's key (largest first). */
  readonly contribution: number;
}

export interface FrontSummary {
  /** The feasible non-dominated trials, ranked by hypervolume contribution (largest first; ties by number). */
  readonly front: readonly FrontMember[];
  /** Trials that count: every objective a number (NaN excluded). */
  readonly considered: number;
  /** Numbers of the considered trials that violate a constraint (never on the front). */
  readonly infeasible: readonly number[];
  /** The hypervolume's reference point, in the objectives' order; undefined when no trial is feasible. */
  readonly reference?: readonly number[];
  /** 'spec' when every objective's reference came from the spec, 'derived' when any was derived. */
  readonly referenceSource: 'spec' | 'derived';
  /** The hypervolume of the front under `reference` (0 without a feasible trial). */
  readonly hypervolume: number;
}

/**
 * The Pareto front of finished trials: feasible ones only (every constraint met), each objective
 * in its own direction, ranked by the hypervolume each member alone adds. The reference point is
 * the spec's where it gives one, else derived from the feasible trials (the worst value plus 10% of
 * the range, defaultReferencePoint) — callers say which (`referenceSource`).
 *
 * O(n²·m) for the sort plus the contributions of the front.
 */
export function summarizeFront(
  trials: readonly ValuedTrial[],
  objectives: readonly FrontObjective[],
  constraints: readonly (ConstraintBound & { readonly metric: string })[] = [],
): FrontSummary {
  const directions = objectives.map((objective) => objective.direction);
  const referenceSource = objectives.every((objective) => objective.reference !== undefined) ? 'spec' : 'derived';
  const feasible: { number: number; values: number[] }[] = [];
  const infeasible: number[] = [];
  let considered = 0;
  for (const trial of trials) {
    const values = objectives.map((objective) => trial.values[objective.name]);
    if (values.some((value) => typeof value !== 'number' || !Number.isFinite(value))) continue;
    considered++;
    const violation = constraints.reduce((sum, constraint) => sum + boundViolation(trial.values[constraint.metric], constraint), 0);
    if (violation > 0) infeasible.push(trial.number);
    else feasible.push({ number: trial.number, values: values as number[] });
  }
  if (feasible.length === 0) return { front: [], considered, infeasible, referenceSource, hypervolume: 0 };
  const reference = referencePoint(
    feasible.map((trial) => trial.values),
    objectives,
  );
  const [first = []] = nonDominatedSort(
    feasible.map((trial) => trial.values),
    directions,
    { limit: 1 },
  );
  const members = first.map((index) => feasible[index] as { number: number; values: number[] });
  const contributions = hypervolumeContributions(
    members.map((member) => member.values),
    reference,
    directions,
  );
  const front = members
    .map((member, k) => ({ number: member.number, values: member.values, contribution: contributions[k] as number }))
    .sort((a, b) => b.contribution - a.contribution || a.number - b.number);
  return {
    front,
    considered,
    infeasible,
    reference,
    referenceSource,
    hypervolume: hypervolume(
      members.map((member) => member.values),
      reference,
      directions,
    ),
  };
}

/**
 * The hypervolume after each finished trial, in the order given (trial number order, normally),
 * under one reference point — the final front's, so the curve ends at the summary's hypervolume and
 * never falls. One point per trial given.
 */
export function hypervolumeHistory(
  trials: readonly ValuedTrial[],
  objectives: readonly FrontObjective[],
  constraints: readonly (ConstraintBound & { readonly metric: string })[] = [],
): { readonly number: number; readonly hypervolume: number }[] {
  const summary = summarizeFront(trials, objectives, constraints);
  const reference = summary.reference;
  const directions = objectives.map((objective) => objective.direction);
  const history: { number: number; hypervolume: number }[] = [];
  let front: number[][] = [];
  let current = 0;
  for (const trial of trials) {
    const values = objectives.map((objective) => trial.values[objective.name]);
    const usable = reference !== undefined && values.every((value) => typeof value === 'number' && Number.isFinite(value));
    const feasible = constraints.every((constraint) => boundViolation(trial.values[constraint.metric], constraint) === 0);
    if (usable && feasible) {
      const candidate = [...front, values as number[]];
      const [first = []] = nonDominatedSort(candidate, directions, { limit: 1 });
      front = first.map((index) => candidate[index] as number[]);
      current = hypervolume(front, reference, directions);
    }
    history.push({ number: trial.number, hypervolume: current });
  }
  return history;
}

function referencePoint(points: readonly (readonly number[])[], objectives: readonly FrontObjective[]): number[] {
  const derived = defaultReferencePoint(
    points,
    objectives.map((objective) => objective.direction),
  );
  return objectives.map((objective, i) => objective.reference ?? (derived[i] as number));
}
