/**
 * What `train` reports after every epoch. Names are the metric names a sweep records and a
 * spec's `metric.name` refers to.
 */
export interface EpochMetrics {
  /** 1-based. */
  readonly epoch: number;
  readonly loss: number;
  readonly val_loss: number;
  /** classification */
  readonly accuracy?: number;
  readonly val_accuracy?: number;
  readonly val_f1?: number;
  /** regression (the adding problem) */
  readonly mse?: number;
  readonly val_mse?: number;
  /** Global gradient norm before clipping, mean and max over the epoch's steps. */
  readonly grad_norm_mean: number;
  readonly grad_norm_max: number;
  /** The learning rate of the epoch's last step. */
  readonly lr: number;
  /** Wall time of this epoch's training steps (batching, forward, backward, update); no validation. */
  readonly epoch_seconds: number;
  readonly examples_per_second: number;
  /**
   * Training wall time so far: the sum of epoch_seconds over epochs 1…epoch. Validation passes and
   * the wait for `onEpoch` (a reporter's back-pressure) are not counted, nor anything before the
   * first epoch (data preparation, model building). It grows with every epoch.
   */
  readonly train_seconds: number;
  /**
   * Milliseconds per example of a forward pass in inference mode: each epoch's validation pass
   * (batches of max(batchSize, 128), the outputs read back) is timed and divided by the validation
   * examples; this is the median of those figures over epochs 1…epoch. The cost does not depend
   * on the weights, so every epoch is a sample of the same quantity and the median drops outliers.
   */
  readonly inference_ms_per_example: number;
}

export interface TrainingResult {
  readonly history: readonly EpochMetrics[];
  /** The last epoch's metrics. */
  readonly final: EpochMetrics;
  /** 1-based epoch with the lowest val_loss. */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
}
