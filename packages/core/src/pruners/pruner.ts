import type { ConstraintBound } from '../multi-objective/constraint-violation.js';
import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';

/** A multi-objective or constrained sweep's objectives and constraints, read from each trial's `intermediateValues`. */
export interface VectorObjectives {
  /** One entry per objective, in the spec's order. */
  readonly objectives: readonly { readonly name: string; readonly direction: Direction }[];
  readonly constraints: readonly (ConstraintBound & { readonly metric: string })[];
}

/** What a pruner may look at: every trial of the study (the one being judged included). */
export interface PruningContext {
  /** The (first) objective's direction. */
  readonly direction: Direction;
  readonly trials: readonly FrozenTrial[];
  /** Present in multi-objective and constrained sweeps: then a trial's vector, not its `intermediate`, is judged. */
  readonly vector?: VectorObjectives;
}

/**
 * A pruner answers one question: stop this trial now? It is asked right after `trial` reported
 * its latest intermediate value. Stateless: its answer is a function of its options and the
 * context, so it is rebuilt for free on resume.
 */
export interface Pruner {
  readonly name: string;
  prune(context: PruningContext, trial: FrozenTrial): boolean;
}
