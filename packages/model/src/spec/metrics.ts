/**
 * The metrics the built-in `rnn-text` objective reports, in one table: which of them each epoch's
 * report carries and which the final result does, and for which task. A spec's `metric`,
 * `metrics` and `constraints` can only name these. Plain data: no TensorFlow.js here.
 */

/** Where a metric appears: `reports` is every epoch's `ctx.report`, `result` the trial's final metrics. */
export type RnnTextMetricPlace = 'reports' | 'result';

export interface RnnTextMetric {
  readonly in: readonly RnnTextMetricPlace[];
  /** classification: every dataset but `adding`; regression: `adding`. */
  readonly task: 'classification' | 'regression' | 'any';
  readonly doc: string;
}

const everyEpoch = ['reports', 'result'] as const;
const finalOnly = ['result'] as const;

export const RNN_TEXT_METRICS = {
  epoch: { in: ['reports'], task: 'any', doc: 'the epoch (1-based), also the report step' },
  loss: { in: everyEpoch, task: 'any', doc: "training loss, mean over the epoch's examples (class-weighted if class_weights is set)" },
  val_loss: { in: everyEpoch, task: 'any', doc: 'validation loss (unweighted)' },
  accuracy: { in: everyEpoch, task: 'classification', doc: "training accuracy over the epoch's steps" },
  val_accuracy: { in: everyEpoch, task: 'classification', doc: 'validation accuracy' },
  val_f1: { in: everyEpoch, task: 'classification', doc: 'validation macro F1' },
  mse: { in: everyEpoch, task: 'regression', doc: 'training mean squared error' },
  val_mse: { in: everyEpoch, task: 'regression', doc: 'validation mean squared error' },
  grad_norm_mean: { in: everyEpoch, task: 'any', doc: "global gradient norm before clipping, mean over the epoch's steps" },
  grad_norm_max: { in: everyEpoch, task: 'any', doc: "global gradient norm before clipping, max over the epoch's steps" },
  lr: { in: everyEpoch, task: 'any', doc: "learning rate of the epoch's last step" },
  epoch_seconds: { in: everyEpoch, task: 'any', doc: "wall time of the epoch's training steps, validation excluded" },
  examples_per_second: { in: everyEpoch, task: 'any', doc: 'training examples per second of epoch_seconds' },
  train_seconds: {
    in: everyEpoch,
    task: 'any',
    doc: 'training wall time so far: the sum of epoch_seconds; validation, data preparation, model building and report waits excluded',
  },
  inference_ms_per_example: {
    in: everyEpoch,
    task: 'any',
    doc: "forward pass in inference mode, ms per example: each epoch's validation pass (batches of max(batch_size, 128)) timed ÷ validation examples, median over the epochs so far",
  },
  parameters: { in: everyEpoch, task: 'any', doc: 'trainable weights of the model (sum of the trainable variables’ sizes)' },
  epochs: { in: finalOnly, task: 'any', doc: 'epochs trained (fewer than asked when early stopping ended training)' },
  best_epoch: { in: finalOnly, task: 'any', doc: 'the epoch with the lowest val_loss' },
  test_loss: { in: finalOnly, task: 'any', doc: 'held-out test loss, after the last epoch' },
  test_accuracy: { in: finalOnly, task: 'classification', doc: 'held-out test accuracy' },
  test_f1: { in: finalOnly, task: 'classification', doc: 'held-out test macro F1' },
  test_mse: { in: finalOnly, task: 'regression', doc: 'held-out test mean squared error' },
} as const satisfies Readonly<Record<string, RnnTextMetric>>;

export type RnnTextMetricName = keyof typeof RNN_TEXT_METRICS;
