import { mixSeed } from '../random.js';
import type { Params } from '../search-space/distributions.js';
import type { TrialState } from './trial-state.js';

export type Direction = 'minimize' | 'maximize';

/**
 * A trial as recorded: what storage hands back and what samplers and pruners read. Immutable;
 * the Study replaces a record when it changes.
 */
export interface FrozenTrial {
  /** 0-based, in the order trials were asked for. */
  readonly number: number;
  readonly state: TrialState;
  readonly params: Params;
  /** The objective's final value (COMPLETE; for PRUNED, the last intermediate value, as Optuna). */
  readonly value?: number;
  /** The tracked metric per step (epoch), in step order. */
  readonly intermediate: ReadonlyMap<number, number>;
  /**
   * Multi-objective and constrained sweeps (see trackedMetricsOf): each tracked metric's value at
   * the end, as the objective returned it (or last reported it); PRUNED: at its last reported step.
   * Absent in one-metric sweeps, and for trials that have not finished.
   */
  readonly values?: Readonly<Record<string, number>>;
  /** Multi-objective and constrained sweeps: per reported step, the tracked metrics reported at it. */
  readonly intermediateValues?: ReadonlyMap<number, Readonly<Record<string, number>>>;
  /** Attempts so far (1 on the first run; a re-queued trial counts up). */
  readonly attempt: number;
  /**
   * The seed the objective runs with. Absent in records written before seeds were stored: those
   * trials ran with `mixSeed(sweep seed, number)` (see `trialSeed`).
   */
  readonly seed?: number;
  /**
   * Which stage of the sweep asked for the trial: 'search' (the sampler) when absent, or the name of
   * a later stage's trial source (for example 'rerun', 'confirm').
   */
  readonly stage?: string;
  /** For a trial that runs another trial's configuration again (another seed): that trial's number. */
  readonly origin?: number;
  /**
   * Population-based training: the trial continues another's training from its checkpoint at
   * `step`, with its own (perturbed) params, in place of a member stopped there.
   */
  readonly lineage?: TrialLineage;
  /**
   * The step of the checkpoint this attempt starts from, if any: the lineage's step for a new
   * exploit trial, or the trial's own last kept checkpoint when it was interrupted and re-queued.
   * Its reports up to this step are kept; its first new report is restoreStep + 1.
   */
  readonly restoreStep?: number;
  /**
   * The last epoch this trial trains, when it is less than the sweep's budget.max_epochs: one
   * segment of a replayed population-based training schedule (`sweep replay`), which the next
   * segment's trial continues from its checkpoint. Absent: the budget's max_epochs. A trial with
   * one does not count as a sweep's best (its value is one taken mid-training).
   */
  readonly maxEpochs?: number;
}

/** Where a population-based training trial comes from. */
export interface TrialLineage {
  /** The member whose checkpoint (weights, optimizer state) it starts from. */
  readonly parent: number;
  /** The step of that checkpoint. */
  readonly step: number;
  /** The member it takes the place of in the population (stopped at `step`). */
  readonly replaces: number;
}

/** The stage of trials the sampler proposed. */
export const SEARCH_STAGE = 'search';

/** The last reported step, or undefined if none. */
export function lastStep(trial: FrozenTrial): number | undefined {
  let last: number | undefined;
  for (const step of trial.intermediate.keys()) if (last === undefined || step > last) last = step;
  return last;
}

/** `a` is better than `b` in `direction`. NaN is never better. */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'minimize' ? a < b : a > b;
}

/** The seed `trial` runs with: its own, or for records without one, the one it was derived from. */
export function trialSeed(sweepSeed: number, trial: Pick<FrozenTrial, 'number' | 'seed'>): number {
  return trial.seed ?? mixSeed(sweepSeed, trial.number);
}
