import { boundViolation } from '../multi-objective/constraint-violation.js';
import { moAshaPromotions, type RungEntry } from '../multi-objective/mo-asha.js';
import { lastStep, type FrozenTrial } from '../trial/frozen-trial.js';
import { rungStepsBetween, stepBefore, type Rungs } from './asha.js';
import type { VectorObjectives } from './pruner.js';

/**
 * Multi-objective ASHA's answer for `trial` (Schmucker et al. 2021): ASHA's rungs, with "the best
 * ⌊n/η⌋" decided by non-dominated sorting (constrained domination when the sweep has
 * constraints), the front that does not fit whole cut by hypervolume contribution
 * (moAshaPromotions). Each objective keeps its own direction. Like ashaPrune, a trial is judged at
 * the report that reaches a rung, against every trial, in any state, that reached it; while fewer
 * than η have, it goes on only if it is the first promoted. Values come from `intermediateValues`.
 *
 * A trial whose report lacks an objective is not judged at that rung (it cannot be placed); one
 * with a NaN objective is pruned, as ASHA prunes a NaN value.
 */
export function moAshaPrune(rungs: Rungs, vector: VectorObjectives, trials: readonly FrozenTrial[], trial: FrozenTrial): boolean {
  const step = lastStep(trial);
  if (step === undefined) return false;
  const own = entryAt(vector, trial, step);
  if (own === undefined) return false;
  if (own.values.some(Number.isNaN)) return true;
  if (rungs.maxEpochs !== undefined && step >= rungs.maxEpochs) return false;
  const directions = vector.objectives.map((objective) => objective.direction);
  for (const rung of rungStepsBetween(rungs, stepBefore(trial, step), step)) {
    const entries: RungEntry[] = [own];
    for (const other of trials) {
      if (other.number === trial.number) continue;
      const reached = firstStepAtOrAfter(other, rung);
      const entry = reached === undefined ? undefined : entryAt(vector, other, reached);
      if (entry !== undefined && !entry.values.some(Number.isNaN)) entries.push(entry);
    }
    const promoted = moAshaPromotions(entries, directions, rungs.reductionFactor);
    if (!promoted.includes(trial.number)) return true;
  }
  return false;
}

/** The trial's objective vector and total violation at `step`, or undefined when an objective is missing there. */
function entryAt(vector: VectorObjectives, trial: FrozenTrial, step: number): RungEntry | undefined {
  const reported = trial.intermediateValues?.get(step);
  if (reported === undefined) return undefined;
  const values: number[] = [];
  for (const objective of vector.objectives) {
    const value = reported[objective.name];
    if (typeof value !== 'number') return undefined;
    values.push(value);
  }
  let violation = 0;
  for (const constraint of vector.constraints) violation += boundViolation(reported[constraint.metric], constraint);
  return { number: trial.number, values, violation };
}

function firstStepAtOrAfter(trial: FrozenTrial, rung: number): number | undefined {
  let first: number | undefined;
  for (const s of trial.intermediateValues?.keys() ?? []) if (s >= rung && (first === undefined || s < first)) first = s;
  return first;
}
