import type { BackendName } from '../backends/init-backend.js';
import type { DatasetSettings } from '../spec/dataset-schema.js';

// The dataset block's type follows its zod schema (the one `sweep validate` checks specs with).
export type { DatasetSettings };

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
