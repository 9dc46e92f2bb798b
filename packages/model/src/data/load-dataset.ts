import { DatasetError } from '../errors.js';
import { makeAddingProblem } from './adding.js';
import { loadSpamAssassin } from './spamassassin.js';
import { loadTextFile } from './tabular-file.js';
import type { Dataset, SplitOptions } from './types.js';

/** Which dataset to load and how; `name` picks the loader. */
export type DatasetSpec =
  | ({ name: 'spamassassin'; limit?: number } & SplitOptions)
  | ({ name: 'csv' | 'jsonl'; path: string; textColumn?: string; labelColumn?: string; delimiter?: string; limit?: number } & SplitOptions)
  | ({ name: 'adding'; timesteps: number; size?: number } & SplitOptions);

/** The names {@link loadDataset} accepts. */
export const DATASET_NAMES = ['spamassassin', 'csv', 'jsonl', 'adding'] as const;

/**
 * Loads the dataset a spec names.
 *
 * @throws DatasetError for an unknown name (the known ones are listed) and whatever the chosen
 *   loader throws (see loadSpamAssassin, loadTextFile, makeAddingProblem).
 */
export async function loadDataset(spec: DatasetSpec): Promise<Dataset> {
  switch (spec.name) {
    case 'spamassassin':
      return loadSpamAssassin(spec);
    case 'csv':
    case 'jsonl':
      return loadTextFile({ ...spec, format: spec.name });
    case 'adding':
      return makeAddingProblem(spec);
    default: {
      // Specs come from config files and the CLI, so the type cannot be trusted at run time.
      const name: unknown = (spec as { name?: unknown }).name;
      throw new DatasetError(`unknown dataset ${JSON.stringify(name) ?? String(name)}; known datasets: ${DATASET_NAMES.join(', ')}`);
    }
  }
}
