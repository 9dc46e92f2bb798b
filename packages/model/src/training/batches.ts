import * as tf from '@tensorflow/tfjs-core';
import type { ArraySplit } from './training-data.js';
import { exampleSize } from './training-data.js';
import { PAD_ID } from '../text/tokenizer.js';

/** Gathers the examples at `indices` into x and y tensors. */
export function makeBatch(split: ArraySplit, indices: readonly number[], truncation?: number): { x: tf.Tensor; y: tf.Tensor } {
  const size = exampleSize(split);
  const isTokens = split.x instanceof Int32Array;
  const x = isTokens ? new Int32Array(indices.length * size) : new Float32Array(indices.length * size);
  const y = split.y instanceof Int32Array ? new Int32Array(indices.length) : new Float32Array(indices.length);
  indices.forEach((index, row) => {
    x.set(split.x.subarray(index * size, (index + 1) * size), row * size);
    y[row] = split.y[index] as number;
  });
  if (truncation !== undefined && isTokens) keepLastTokens(x as Int32Array, size, truncation);
  return {
    x: tf.tensor(x, [indices.length, ...split.exampleShape], isTokens ? 'int32' : 'float32'),
    y: tf.tensor1d(y, y instanceof Int32Array ? 'int32' : 'float32'),
  };
}

/**
 * Truncation for training: keeps only the last `keep` real tokens of each row and turns earlier
 * ones into padding, which the embedding masks. The recurrent layers then run — and gradients flow
 * back — through at most `keep` steps, whichever side the padding is on.
 */
export function keepLastTokens(rows: Int32Array, rowLength: number, keep: number): void {
  for (let start = 0; start < rows.length; start += rowLength) {
    let seen = 0;
    for (let i = start + rowLength - 1; i >= start; i--) {
      if (rows[i] === PAD_ID) continue;
      seen += 1;
      if (seen > keep) rows[i] = PAD_ID;
    }
  }
}

/** Consecutive slices of `order` of at most `batchSize`. */
export function* batchesOf(order: readonly number[], batchSize: number): Generator<number[]> {
  for (let start = 0; start < order.length; start += batchSize) yield order.slice(start, start + batchSize);
}
