import * as tf from '@tensorflow/tfjs-core';
import { COUNT_HITS, SOFTMAX_CROSS_ENTROPY, WEIGHTED_SOFTMAX_CROSS_ENTROPY, hasCrossEntropyKernels } from '../backends/softmax-cross-entropy.js';

/**
 * Mean softmax cross-entropy from logits, each example weighted by its class's weight (Keras's
 * `class_weight` semantics: the mean of weighted losses).
 */
export function classificationLoss(logits: tf.Tensor, labels: tf.Tensor, classWeights?: tf.Tensor1D): tf.Scalar {
  if (fusable(logits, labels)) {
    // One kernel each way on wasm and cpu (backends/softmax-cross-entropy.ts): the same function.
    const kernel = classWeights ? WEIGHTED_SOFTMAX_CROSS_ENTROPY : SOFTMAX_CROSS_ENTROPY;
    return tf.engine().runKernel<tf.Scalar>(kernel, { logits, labels, ...(classWeights ? { classWeights } : {}) });
  }
  return tf.tidy(() => {
    const classes = logits.shape[logits.shape.length - 1] as number;
    const oneHot = tf.oneHot(labels, classes);
    const perExample = tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1));
    if (!classWeights) return tf.mean<tf.Scalar>(perExample);
    return tf.mean<tf.Scalar>(tf.mul(perExample, tf.gather(classWeights, labels as tf.Tensor1D)));
  });
}

/**
 * How many examples' largest logit is at their label (the first largest on ties, as argMax), as a
 * float32 scalar.
 */
export function countHits(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  if (fusable(logits, labels)) return tf.engine().runKernel<tf.Scalar>(COUNT_HITS, { logits, labels });
  // float32 comparison: argMax is int32 and labels may be either; one dtype suits every backend.
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.cast(tf.argMax(logits, -1), 'float32'), tf.cast(labels, 'float32')), 'float32')));
}

/** Logits [batch, classes] and labels [batch] on a backend with the fused kernels. */
function fusable(logits: tf.Tensor, labels: tf.Tensor): boolean {
  return logits.rank === 2 && logits.dtype === 'float32' && labels.rank === 1 && labels.shape[0] === logits.shape[0] && hasCrossEntropyKernels();
}

/** Mean squared error of a single-output regression head. */
export function regressionLoss(predictions: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean<tf.Scalar>(tf.square(tf.sub(tf.reshape(predictions, [-1]), targets))));
}

/** Weights inversely proportional to class frequency: n / (k · n_c), as scikit-learn's 'balanced'. */
export function balancedClassWeights(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i] as number] = (counts[labels[i] as number] as number) + 1;
  return counts.map((count) => (count === 0 ? 0 : labels.length / (classes * count)));
}
