/**
 * Prepared (tokenized, encoded) datasets kept per thread.
 *
 * Why: a worker thread runs many trials over the same dataset; parsing 6,000 emails and fitting a
 * tokenizer again for each would add seconds to every trial. Keyed by every setting that changes
 * the arrays; a few entries at most (each is a few MB).
 */
import { loadDataset, type DatasetSpec } from '../data/load-dataset.js';
import { DatasetError } from '../errors.js';
import { prepareSequenceData, prepareTextData, type PreparedSequences, type PreparedText } from '../training/prepare-data.js';

export interface PreparedData {
  readonly prepared: PreparedText | PreparedSequences;
  readonly classNames?: readonly string[];
  readonly timesteps?: number;
  readonly features?: number;
  readonly description: string;
}

export interface PreparationKey {
  readonly spec: DatasetSpec;
  readonly text?: { level: 'word' | 'char'; maxVocab: number; maxLen: number; padding: 'pre' | 'post' };
}

const MAX_ENTRIES = 4;
const cache = new Map<string, Promise<PreparedData>>();

async function prepare(key: PreparationKey): Promise<PreparedData> {
  const dataset = await loadDataset(key.spec);
  const count = (split: { texts: readonly string[] } | { sequences: readonly Float32Array[] }) =>
    'texts' in split ? split.texts.length : split.sequences.length;
  const sizes = `train ${count(dataset.train)}, validation ${count(dataset.validation)}, test ${count(dataset.test)}`;
  if (dataset.kind === 'text') {
    if (!key.text) throw new DatasetError(`dataset ${dataset.name} is text: it needs max_len and vocab`);
    const prepared = prepareTextData(dataset, key.text);
    return {
      prepared,
      classNames: dataset.classNames,
      description: `${dataset.name}: ${sizes}; ${dataset.classNames.length} classes; vocab ${prepared.tokenizer.vocabSize}`,
    };
  }
  return {
    prepared: prepareSequenceData(dataset),
    timesteps: dataset.timesteps,
    features: dataset.features,
    description: `${dataset.name} T=${dataset.timesteps}: ${sizes}`,
  };
}

/** Loads and prepares a dataset, or returns this thread's earlier result for the same key. */
export function preparedData(key: PreparationKey): Promise<PreparedData> {
  const id = JSON.stringify(key);
  let entry = cache.get(id);
  if (!entry) {
    entry = prepare(key);
    // A failed load must not stay cached: the user may fix the file and retry.
    entry.catch(() => cache.delete(id));
    cache.set(id, entry);
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}
