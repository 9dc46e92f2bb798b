/**
 * A training strategy: everything about *how* a model is trained, as plain data so that a sweep can
 * record and compare it. The names match the sweep spec's parameters (DESIGN.md).
 */

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'adamax', 'rmsprop', 'adagrad', 'adadelta'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerConfig {
  readonly name: OptimizerName;
  /** Base learning rate; a schedule scales it over training. */
  readonly lr: number;
  /** momentum / nesterov: the momentum; rmsprop: its momentum term (default 0). Default 0.9. */
  readonly momentum?: number;
  /** adam, adamw, adamax. Defaults 0.9 and 0.999. */
  readonly beta1?: number;
  readonly beta2?: number;
  /** rmsprop, adadelta: decay of the squared-gradient average. Default 0.9 (rmsprop), 0.95 (adadelta). */
  readonly rho?: number;
  /** Numerical stabilizer. Default 1e-7. */
  readonly epsilon?: number;
  /**
   * adamw: decoupled weight decay (Loshchilov & Hutter), w ← w − lr·λ·w after each step.
   * Every other optimizer: L2 penalty, λ·w added to the (clipped) gradient. Default 0.
   */
  readonly weightDecay?: number;
}

export const SCHEDULE_TYPES = ['constant', 'step', 'exponential', 'cosine', 'warmup_cosine', 'reduce_on_plateau'] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

export type ScheduleConfig =
  | { readonly type: 'constant' }
  /** lr · gamma^floor(epoch / stepEpochs). */
  | { readonly type: 'step'; readonly stepEpochs?: number; readonly gamma?: number }
  /** lr · gamma^(step / stepsPerEpoch): a smooth per-step decay of gamma per epoch. */
  | { readonly type: 'exponential'; readonly gamma?: number }
  /** Cosine from lr down to minLr over all training steps. */
  | { readonly type: 'cosine'; readonly minLr?: number }
  /** Linear warmup from 0 over warmupEpochs (fractional allowed), then cosine to minLr. */
  | { readonly type: 'warmup_cosine'; readonly warmupEpochs?: number; readonly minLr?: number }
  /** Multiply by factor when the validation loss has not improved for `patience` epochs. */
  | {
      readonly type: 'reduce_on_plateau';
      readonly factor?: number;
      readonly patience?: number;
      readonly minLr?: number;
    };

export const CLIP_TYPES = ['none', 'value', 'global_norm'] as const;
export type ClipType = (typeof CLIP_TYPES)[number];

export type ClipConfig =
  | { readonly type: 'none' }
  /** Every gradient element clamped to [−value, value]. */
  | { readonly type: 'value'; readonly value: number }
  /** All gradients scaled together so their global L2 norm is ≤ maxNorm (Pascanu et al. 2013). */
  | { readonly type: 'global_norm'; readonly maxNorm: number };

export const EMBEDDING_UPDATES = ['dense', 'lazy'] as const;
export type EmbeddingUpdate = (typeof EMBEDDING_UPDATES)[number];

/** The optimizers a lazy embedding update is defined for: those with a fused step. */
export const LAZY_OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const satisfies readonly OptimizerName[];

export interface EarlyStoppingConfig {
  /** Epochs without improvement of val_loss before stopping. */
  readonly patience: number;
  /** The smallest decrease that counts as an improvement. Default 0. */
  readonly minDelta?: number;
}

export interface TrainingStrategy {
  readonly optimizer: OptimizerConfig;
  readonly schedule: ScheduleConfig;
  readonly clip: ClipConfig;
  readonly batchSize: number;
  readonly epochs: number;
  /**
   * Truncated BPTT for long sequences: each example is cut into windows of this many timesteps
   * and only the last window is trained on (gradients never flow further back). Undefined: the
   * whole sequence.
   */
  readonly truncation?: number;
  /** 'balanced': weights inversely proportional to class frequency; an array: one weight per class. */
  readonly classWeights?: 'balanced' | readonly number[];
  readonly earlyStopping?: EarlyStoppingConfig;
  /**
   * How the embedding table of a token model is updated at each step. 'dense' (the default): every
   * row, as any weight. 'lazy': only the rows of the tokens in the batch — weight, optimizer slots
   * and weight decay alike; a row whose token is absent keeps its weight and its slots unchanged —
   * as TensorFlow's LazyAdam and sparse applies, and PyTorch's SparseAdam, do. Bias correction
   * uses the global step (Adam's β^t advances every step for every row). Defined for
   * {@link LAZY_OPTIMIZERS} on the `wasm` and `cpu` backends (the fused step); with every row in
   * the batch it equals 'dense' bit for bit.
   */
  readonly embeddingUpdate?: EmbeddingUpdate;
  /** Seeds batch order and dropout masks. */
  readonly seed: number;
}
