import type { ObjectiveContext as CoreObjectiveContext } from '@loopsweep/core';
import type { DatasetSettings } from '../spec/dataset-schema.js';

// The dataset block's type follows its zod schema (the one `sweep validate` checks specs with).
export type { DatasetSettings };

/** What an objective may pass with a step's metrics. */
export interface ReportOptions {
  /**
   * A checkpoint of the trial after this step: any structured-cloneable value (typed arrays are
   * copied as they are). The host decides which it keeps; `ctx.restore` hands one back.
   */
  readonly checkpoint?: unknown;
}

/** The checkpoint a trial starts from: the step it was reported with and its value. */
export interface RestoredCheckpoint {
  readonly step: number;
  readonly state: unknown;
}

/**
 * The objective contract of `@loopsweep/core` (report round trip, signal, seed, device), as
 * `rnn-text` reads it: its `dataset` block is DatasetSettings, and its checkpoint extension (for
 * population-based training) is declared here structurally, so a host without it still fits.
 */
export interface ObjectiveContext extends Omit<CoreObjectiveContext, 'report'> {
  /** Records the metrics of `step` (an epoch), optionally with a checkpoint of the trial after it. */
  report(step: number, metrics: Readonly<Record<string, number>>, options?: ReportOptions): Promise<void>;
  /**
   * The checkpoint this trial starts from, or undefined when it starts fresh. Optional: older hosts
   * lack it, and their trials always start fresh.
   */
  restore?(): Promise<RestoredCheckpoint | undefined>;
}

/** What an objective returns: the final metrics (names as in EpochMetrics, plus test_*). */
export type ObjectiveMetrics = Readonly<Record<string, number>>;
