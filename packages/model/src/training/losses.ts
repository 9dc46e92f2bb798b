import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean softmax cross-entropy from logits, each example weighted by its class's weight (Keras's
 * `class_weight` semantics: the mean of weighted losses).
 */
export function classificationLoss(logits: tf.Tensor, labels: tf.Tensor, classWeights?: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const classes = logits.shape[logits.shape.length - 1] as number;
    const oneHot = tf.oneHot(labels, classes);
    const perExample = tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1));
    if (!classWeights) return tf.mean<tf.Scalar>(perExample);
    return tf.mean<tf.Scalar>(tf.mul(perExample, tf.gather(classWeights, labels as tf.Tensor1D)));
  });
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
