import { stratifiedSplit, stratifiedSubsample } from './split.js';
import type { SplitOptions, TextDataset, TextExamples } from './types.js';

/** Options shared by every labelled-text loader: how to split, and an optional cap on examples. */
export type TextSplitOptions = SplitOptions & {
  /** Keep at most this many examples, chosen stratified by label before splitting. */
  readonly limit?: number;
};

/**
 * Builds a TextDataset from all examples of a source: subsamples (stratified) when `limit` is set,
 * then splits stratified by label.
 *
 * @throws DatasetError on an invalid limit or invalid split fractions.
 */
export function buildTextDataset(
  name: string,
  classNames: readonly string[],
  texts: readonly string[],
  labels: readonly number[],
  options: TextSplitOptions,
): TextDataset {
  const seed = options.seed ?? 0;
  const kept = options.limit === undefined ? null : stratifiedSubsample(labels, options.limit, seed);
  const keptTexts = kept === null ? texts : kept.map((i) => texts[i] as string);
  const keptLabels = kept === null ? labels : kept.map((i) => labels[i] as number);
  const parts = stratifiedSplit(keptLabels, options);
  const pick = (indices: readonly number[]): TextExamples => ({
    texts: indices.map((i) => keptTexts[i] as string),
    labels: indices.map((i) => keptLabels[i] as number),
  });
  return {
    kind: 'text',
    task: 'classification',
    name,
    classNames,
    train: pick(parts.train),
    validation: pick(parts.validation),
    test: pick(parts.test),
  };
}
