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
  readonly epoch_seconds: number;
  readonly examples_per_second: number;
}

export interface TrainingResult {
  readonly history: readonly EpochMetrics[];
  /** The last epoch's metrics. */
  readonly final: EpochMetrics;
  /** 1-based epoch with the lowest val_loss. */
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
}
