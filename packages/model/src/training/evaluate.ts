import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArraySplit } from './training-data.js';
import { batchesOf, makeBatch } from './batches.js';
import { classificationLoss, regressionLoss } from './losses.js';
import { accuracyAndMacroF1 } from './classification-metrics.js';

export interface Evaluation {
  readonly loss: number;
  /** classification only */
  readonly accuracy?: number;
  readonly macroF1?: number;
  /** regression only */
  readonly mse?: number;
}

/**
 * Loss and metrics of `model` on a whole split, in inference mode (no dropout), batch by batch.
 * The loss is unweighted so that validation numbers compare across class-weight strategies.
 */
export async function evaluate(
  model: tfl.LayersModel,
  split: ArraySplit,
  task: 'classification' | 'regression',
  classes: number,
  batchSize: number,
): Promise<Evaluation> {
  const order = Array.from({ length: split.count }, (_, i) => i);
  let lossSum = 0;
  const predicted = new Int32Array(split.count);
  let offset = 0;
  for (const indices of batchesOf(order, batchSize)) {
    const { x, y } = makeBatch(split, indices);
    const [loss, labels] = tf.tidy((): [tf.Scalar, tf.Tensor | undefined] => {
      const output = model.apply(x, { training: false }) as tf.Tensor;
      // argMax gives int32; float32 keeps every backend's kernels (webgpu's included) on one type.
      if (task === 'classification') return [classificationLoss(output, y), tf.cast(tf.argMax(output, -1), 'float32')];
      return [regressionLoss(output, y), undefined];
    });
    // Async reads: the webgpu backend cannot read synchronously in Node.
    lossSum += ((await loss.data())[0] as number) * indices.length;
    if (labels) {
      predicted.set(await labels.data(), offset);
      labels.dispose();
    }
    offset += indices.length;
    tf.dispose([x, y, loss]);
  }
  const meanLoss = split.count === 0 ? NaN : lossSum / split.count;
  if (task === 'regression') return { loss: meanLoss, mse: meanLoss };
  const { accuracy, macroF1 } = accuracyAndMacroF1(predicted, split.y, classes);
  return { loss: meanLoss, accuracy, macroF1 };
}
