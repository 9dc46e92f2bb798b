import type { Direction, FrozenTrial } from '../trial/frozen-trial.js';

/** What a pruner may look at: every trial of the study (the one being judged included). */
export interface PruningContext {
  readonly direction: Direction;
  readonly trials: readonly FrozenTrial[];
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
