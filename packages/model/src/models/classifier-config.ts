/**
 * The architecture of a recurrent classifier (or regressor, for the adding problem) as plain data.
 * The CLI and the objective fill it from a sweep's flat params; `buildClassifier` turns it into a
 * tfjs LayersModel.
 */

export const CELL_TYPES = ['simple', 'lstm', 'gru', 'loop'] as const;
export type CellType = (typeof CELL_TYPES)[number];

export const POOLING_TYPES = ['last', 'mean', 'max'] as const;
export type PoolingType = (typeof POOLING_TYPES)[number];

/**
 * Which recurrent layers implement the cells: 'fast' is loopsweep's FastRNN (one input matMul for
 * all steps, hand-written backward through time); 'tfjs-layers' is tfjs-layers' own RNN layers,
 * kept for comparison.
 */
export const RNN_IMPLEMENTATIONS = ['fast', 'tfjs-layers'] as const;
export type RnnImplementation = (typeof RNN_IMPLEMENTATIONS)[number];

export const KERNEL_INITS = ['glorot', 'he'] as const;
export type KernelInit = (typeof KERNEL_INITS)[number];

export const RECURRENT_INITS = ['orthogonal', 'identity', 'glorot'] as const;
export type RecurrentInit = (typeof RECURRENT_INITS)[number];

/** Token ids (text) go through an embedding; real-valued sequences (adding) go in as they are. */
export type ClassifierInput =
  | { readonly kind: 'tokens'; readonly vocabSize: number; readonly maxLen: number; readonly embeddingDim?: number }
  | { readonly kind: 'sequence'; readonly timesteps: number; readonly features: number };

export type ClassifierOutput = { readonly kind: 'classification'; readonly classes: number } | { readonly kind: 'regression' };

export interface InitConfig {
  /** Input-to-hidden and dense kernels. Default 'glorot' (uniform); 'he' is He-normal. */
  readonly kernel?: KernelInit;
  /**
   * Hidden-to-hidden kernels, one square block per gate. Default 'orthogonal'; 'identity' with a
   * ReLU simple cell is the IRNN of Le et al. 2015.
   */
  readonly recurrent?: RecurrentInit;
  /** LSTM only: forget-gate bias 1 (Jozefowicz et al. 2015). Default true. */
  readonly forgetBias?: boolean;
}

export interface ClassifierConfig {
  readonly input: ClassifierInput;
  readonly output: ClassifierOutput;
  readonly cell: CellType;
  readonly units: number;
  /** Stacked recurrent layers, 1–3. Default 1. */
  readonly layers?: number;
  /** `simple` only: 'tanh' (default) or 'relu'. */
  readonly activation?: 'tanh' | 'relu';
  readonly bidirectional?: boolean;
  /** Dropout between recurrent layers and before the head; inside the loop cell, its `drop`. */
  readonly dropout?: number;
  /** Dropout of the recurrent state (simple, lstm, gru), one mask per sequence. */
  readonly recurrentDropout?: number;
  /** Layer normalization of each recurrent layer's output. */
  readonly layerNorm?: boolean;
  /** How the sequence of states becomes one vector. Default 'last'. Padding is masked in all three. */
  readonly pooling?: PoolingType;
  readonly init?: InitConfig;
  /** Default 'fast'. Both give the same function of the same weights (within float tolerance). */
  readonly rnnImplementation?: RnnImplementation;
  /** Seeds the initial weights. */
  readonly seed: number;
}
