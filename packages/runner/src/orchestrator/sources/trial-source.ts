/**
 * Where the orchestrator's *ask* stage gets its next trial. Each kind of trial a sweep runs (a
 * retry, a new point from the sampler, a re-run of a configuration with another seed, and later a
 * comparison's confirmation or a population's exploit) is one source in one file; the ask stage
 * tries them in order and launches what the first one with a trial gives.
 */
import type { FrozenTrial, Study, SweepSpec } from '@loopsweep/core';
import type { Transitions } from '../transitions.js';

/** What a source may read and how it records the trials it makes. */
export interface SourceContext {
  readonly spec: SweepSpec;
  /** The sweep's trials in memory (the store's truth, rebuilt on resume). */
  readonly study: Study;
  /** Stores a trial the source has just added to the study (`study.ask` / `study.enqueue`). */
  readonly transitions: Transitions;
  /** Epoch ms when this run of the sweep started (for time budgets). */
  readonly startedAt: number;
}

export interface TrialSource {
  /** In words, for logs and tests: 'retries', 'sampler', 'rerun of trial 3'. */
  readonly name: string;
  /**
   * The next QUEUED trial this source wants run, already recorded in the study and the store, or
   * undefined when it has none now (it may have one later, once running trials finish).
   */
  next(context: SourceContext): FrozenTrial | undefined;
  /**
   * True once it will never have another trial. A sweep ends when nothing runs and every source
   * is done (a source that is not done yet has nothing to give with nothing running is reported
   * and treated as done: nothing could change its mind).
   */
  done(context: SourceContext): boolean;
}
