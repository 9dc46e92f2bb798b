import * as tf from '@tensorflow/tfjs-core';
import { ModelIoError } from '../errors.js';
import { encodeTexts } from '../text/vectorize.js';
import type { LoadedModel } from './model-directory.js';

export interface TextPrediction {
  /** Index into classNames. */
  readonly label: number;
  readonly className: string;
  /** Softmax probability per class. */
  readonly probabilities: readonly number[];
}

/**
 * Classifies texts with a loaded text model. The model is not disposed.
 * @throws {ModelIoError} if the model was saved without a tokenizer (not a text model).
 */
export async function predictTexts(loaded: LoadedModel, texts: readonly string[]): Promise<TextPrediction[]> {
  const { tokenizer, metadata, model } = loaded;
  if (!tokenizer || !metadata.encoding) throw new ModelIoError('this model was saved without a tokenizer: it does not take text');
  const ids = encodeTexts(tokenizer, texts, metadata.encoding);
  const output = tf.tidy(() => tf.softmax(model.predict(tf.tensor2d(ids, [texts.length, metadata.encoding!.maxLen], 'int32')) as tf.Tensor));
  // Async read: GPU backends cannot read synchronously in Node.
  const probabilities = (await output.array()) as number[][];
  output.dispose();
  return probabilities.map((p) => {
    const label = p.indexOf(Math.max(...p));
    return { label, className: metadata.classNames?.[label] ?? String(label), probabilities: p };
  });
}
