import type { BackendName } from '../backends/init-backend.js';

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

/** What an objective gets besides its params (DESIGN.md): report, signal, seed, device. */
export interface ObjectiveContext {
  /** Called once per epoch; the caller may decide to prune and fire `signal`. */
  report(step: number, metrics: Readonly<Record<string, number>>): void | Promise<void>;
  readonly signal?: AbortSignal;
  /** The trial's seed: initial weights, batch order, dropout masks. */
  readonly seed: number;
  /** Backend to train on. Default 'wasm'. */
  readonly device?: BackendName;
  readonly dataset?: DatasetSettings;
  /** The sweep's budget.max_epochs: the default and the cap for the `epochs` param. */
  readonly maxEpochs?: number;
  /** Progress lines (backend chosen, dataset sizes). */
  log?(message: string): void;
}

/** What an objective returns: the final metrics (names as in EpochMetrics, plus test_*). */
export type ObjectiveMetrics = Readonly<Record<string, number>>;
