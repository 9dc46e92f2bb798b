import { isBetter, lastStep, type Direction, type FrozenTrial } from '../trial/frozen-trial.js';
import { integerAtLeast, throwIfAny } from './check-options.js';
import { moAshaPrune } from './mo-asha-prune.js';
import type { Pruner, PruningContext } from './pruner.js';

/** Where successive halving decides: at steps r·η^(s+k), k = 0, 1, 2, … */
export interface Rungs {
  /** r, the first rung's step before `s` scales it. */
  readonly minEpochs: number;
  /** η: about 1/η of the trials reaching a rung go on. */
  readonly reductionFactor: number;
  /** s: the first rung is at r·η^s. */
  readonly minEarlyStoppingRate: number;
  /** A trial at this step or later has had its full budget: it is never pruned (but for NaN). */
  readonly maxEpochs?: number;
}

export type AshaPrunerOptions = Partial<Rungs>;

/** The rung steps in (after, upTo], ascending. */
export function rungStepsBetween(rungs: Rungs, after: number, upTo: number): number[] {
  const steps: number[] = [];
  const first = rungs.minEpochs * rungs.reductionFactor ** rungs.minEarlyStoppingRate;
  for (let step = first; step <= upTo; step *= rungs.reductionFactor) if (step > after) steps.push(step);
  return steps;
}

/**
 * Asynchronous successive halving's answer for `trial`, judged among `trials` (the whole study
 * for ASHA, one bracket for Hyperband; the trial itself may be among them or not).
 *
 * A trial is judged only at the report that reaches a rung. Its value there competes with the
 * values of every other trial, in any state, that reached the same rung; it goes on if it is
 * among the best ⌊n/η⌋ of those n values (ties go on). While fewer than η trials have reached
 * the rung, it goes on only if it is the best so far: Optuna's choice, since a trial that must
 * stop cannot be resumed later when the rung fills up, as the paper's scheduler would.
 *
 * @remarks A trial reaches rung q at its first reported step ≥ q, so an objective that does not
 * report every epoch is judged too (at the report that crosses the rung, against every rung it
 * crossed). With a report per epoch, that is exactly the rung step.
 */
export function ashaPrune(rungs: Rungs, direction: Direction, trials: readonly FrozenTrial[], trial: FrozenTrial): boolean {
  const step = lastStep(trial);
  if (step === undefined) return false;
  const value = trial.intermediate.get(step) as number;
  if (Number.isNaN(value)) return true;
  if (rungs.maxEpochs !== undefined && step >= rungs.maxEpochs) return false;
  const others = trials.filter((t) => t.number !== trial.number);
  for (const rung of rungStepsBetween(rungs, stepBefore(trial, step), step)) {
    const competing = [value];
    for (const other of others) {
      const v = valueAtRung(other, rung);
      if (v !== undefined && !Number.isNaN(v)) competing.push(v);
    }
    competing.sort((a, b) => (isBetter(a, b, direction) ? -1 : isBetter(b, a, direction) ? 1 : 0));
    const promoted = Math.max(1, Math.floor(competing.length / rungs.reductionFactor));
    if (isBetter(competing[promoted - 1] as number, value, direction)) return true;
  }
  return false;
}

/** ASHA (Li et al., MLSys 2020), as Optuna's SuccessiveHalvingPruner; stateless. */
export class AshaPruner implements Pruner {
  readonly name = 'asha';
  readonly rungs: Rungs;

  /** @throws {SpecError} listing each bad option (r ≥ 1, η ≥ 2, s ≥ 0, max ≥ 1, all integers). */
  constructor(options: AshaPrunerOptions = {}) {
    this.rungs = checkRungs(
      {
        minEpochs: options.minEpochs ?? 1,
        reductionFactor: options.reductionFactor ?? 3,
        minEarlyStoppingRate: options.minEarlyStoppingRate ?? 0,
        maxEpochs: options.maxEpochs,
      },
      'budget.max_epochs',
    );
  }

  /** In a multi-objective or constrained sweep (context.vector), multi-objective ASHA: see moAshaPrune. */
  prune(context: PruningContext, trial: FrozenTrial): boolean {
    if (context.vector) return moAshaPrune(this.rungs, context.vector, context.trials, trial);
    return ashaPrune(this.rungs, context.direction, context.trials, trial);
  }
}

/** Validates rung options (spec paths in messages); returns them. @throws {SpecError} */
export function checkRungs(rungs: Rungs, maxEpochsPath: string): Rungs {
  throwIfAny([
    ...integerAtLeast('pruner.min_epochs', rungs.minEpochs, 1),
    ...integerAtLeast('pruner.reduction_factor', rungs.reductionFactor, 2),
    ...integerAtLeast('pruner.min_early_stopping_rate', rungs.minEarlyStoppingRate, 0),
    ...(rungs.maxEpochs === undefined ? [] : integerAtLeast(maxEpochsPath, rungs.maxEpochs, 1)),
  ]);
  return rungs;
}

/** The reported step before `step`, or 0. */
export function stepBefore(trial: FrozenTrial, step: number): number {
  let before = 0;
  for (const s of trial.intermediate.keys()) if (s < step && s > before) before = s;
  return before;
}

/** The value at the first reported step ≥ `rung`, or undefined if the trial has not got there. */
function valueAtRung(trial: FrozenTrial, rung: number): number | undefined {
  let first: number | undefined;
  for (const s of trial.intermediate.keys()) if (s >= rung && (first === undefined || s < first)) first = s;
  return first === undefined ? undefined : trial.intermediate.get(first);
}
