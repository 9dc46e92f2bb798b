import type { ObjectiveContext as CoreObjectiveContext } from '@loopsweep/core';

/**
 * The fixed data settings of a sweep (its spec's `dataset` block, snake_case as written there).
 * The split is seeded by `split_seed`, not by the trial seed, so every trial of a sweep trains and
 * validates on the same examples and their metrics compare.
 */
export interface DatasetSettings {
  readonly name: 'spamassassin' | 'csv' | 'jsonl' | 'adding';
  readonly max_len?: number;
  readonly vocab?: number;
  readonly tokenizer?: 'word' | 'char';
  readonly padding?: 'pre' | 'post';
  readonly val_split?: number;
  readonly test_split?: number;
  readonly split_seed?: number;
  readonly limit?: number;
  /** csv / jsonl */
  readonly path?: string;
  readonly text_column?: string;
  readonly label_column?: string;
  readonly delimiter?: string;
  /** adding */
  readonly timesteps?: number;
  readonly size?: number;
}

/**
 * The objective contract of `@loopsweep/core` (report round trip, signal, seed, device), as
 * `rnn-text` reads it: its `dataset` block is DatasetSettings.
 */
export type ObjectiveContext = CoreObjectiveContext;

/** What an objective returns: the final metrics (names as in EpochMetrics, plus test_*). */
export type ObjectiveMetrics = Readonly<Record<string, number>>;
