import type { ObjectiveContext as CoreObjectiveContext } from '@loopsweep/core';
import type { DatasetSettings } from '../spec/dataset-schema.js';

// The dataset block's type follows its zod schema (the one `sweep validate` checks specs with).
export type { DatasetSettings };

/**
 * The objective contract of `@loopsweep/core` (report round trip, signal, seed, device), as
 * `rnn-text` reads it: its `dataset` block is DatasetSettings.
 */
export type ObjectiveContext = CoreObjectiveContext;

/** What an objective returns: the final metrics (names as in EpochMetrics, plus test_*). */
export type ObjectiveMetrics = Readonly<Record<string, number>>;
