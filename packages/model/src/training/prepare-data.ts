/**
 * Turning a loaded Dataset into the arrays `train` consumes. The tokenizer is fitted on the
 * training split only, so validation and test words the model never saw stay out-of-vocabulary.
 */
import type { SequenceDataset, SequenceExamples, TextDataset, TextExamples } from '../data/types.js';
import { Tokenizer, type TokenizerOptions } from '../text/tokenizer.js';
import { encodeTexts, type EncodeTextsOptions } from '../text/vectorize.js';
import type { ArraySplit, TrainingData } from './training-data.js';

export interface PreparedText {
  readonly data: TrainingData;
  readonly test: ArraySplit;
  readonly tokenizer: Tokenizer;
}

export interface PreparedSequences {
  readonly data: TrainingData;
  readonly test: ArraySplit;
}

export type TextPreparation = TokenizerOptions & EncodeTextsOptions;

/**
 * @throws {ConfigError} on invalid tokenizer or encoding options.
 */
export function prepareTextData(dataset: TextDataset, options: TextPreparation): PreparedText {
  const tokenizer = Tokenizer.fit(dataset.train.texts, options);
  const encode = (split: TextExamples): ArraySplit => ({
    x: encodeTexts(tokenizer, split.texts, options),
    exampleShape: [options.maxLen],
    y: Int32Array.from(split.labels),
    count: split.texts.length,
  });
  return {
    data: { task: 'classification', classes: dataset.classNames.length, train: encode(dataset.train), validation: encode(dataset.validation) },
    test: encode(dataset.test),
    tokenizer,
  };
}

export function prepareSequenceData(dataset: SequenceDataset): PreparedSequences {
  const pack = (split: SequenceExamples): ArraySplit => {
    const size = dataset.timesteps * dataset.features;
    const x = new Float32Array(split.sequences.length * size);
    split.sequences.forEach((sequence, i) => x.set(sequence, i * size));
    return { x, exampleShape: [dataset.timesteps, dataset.features], y: Float32Array.from(split.targets), count: split.sequences.length };
  };
  return {
    data: { task: 'regression', classes: 1, train: pack(dataset.train), validation: pack(dataset.validation) },
    test: pack(dataset.test),
  };
}
