/**
 * The flat params `rnn-text` accepts — the names a sweep spec's `parameters` use — with their
 * kinds and defaults. One table, so validation, defaults and documentation cannot drift apart.
 */
import { CELL_TYPES, KERNEL_INITS, POOLING_TYPES, RECURRENT_INITS, RNN_IMPLEMENTATIONS } from '../models/classifier-config.js';
import { CLIP_TYPES, EMBEDDING_UPDATES, OPTIMIZER_NAMES, SCHEDULE_TYPES } from '../training/strategy.js';

export type ParamSpec =
  | { readonly kind: 'choice'; readonly values: readonly (string | boolean)[]; readonly default?: string | boolean; readonly doc: string }
  | {
      readonly kind: 'number';
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      readonly exclusiveMax?: boolean;
      readonly default?: number;
      readonly doc: string;
    }
  | { readonly kind: 'int'; readonly min: number; readonly max?: number; readonly default?: number; readonly doc: string }
  | { readonly kind: 'string'; readonly default?: string; readonly doc: string };

export const RNN_TEXT_PARAMS = {
  // model
  cell: { kind: 'choice', values: CELL_TYPES, default: 'lstm', doc: 'recurrent cell' },
  units: { kind: 'int', min: 1, max: 4096, default: 64, doc: 'hidden units per recurrent layer' },
  layers: { kind: 'int', min: 1, max: 3, default: 1, doc: 'stacked recurrent layers' },
  activation: { kind: 'choice', values: ['tanh', 'relu'], default: 'tanh', doc: 'simple cell activation' },
  bidirectional: { kind: 'choice', values: [true, false], default: false, doc: 'read the sequence both ways' },
  dropout: { kind: 'number', min: 0, max: 1, exclusiveMax: true, default: 0, doc: 'dropout between layers / inside the loop cell' },
  recurrent_dropout: { kind: 'number', min: 0, max: 1, exclusiveMax: true, default: 0, doc: 'dropout of the recurrent state' },
  layer_norm: { kind: 'choice', values: [true, false], default: false, doc: 'layer-normalize each recurrent output' },
  pooling: { kind: 'choice', values: POOLING_TYPES, default: 'last', doc: 'last state, mean or max over time' },
  embedding_dim: { kind: 'int', min: 1, max: 4096, default: 64, doc: 'embedding width (text)' },
  init: { kind: 'choice', values: KERNEL_INITS, default: 'glorot', doc: 'input kernel initializer' },
  recurrent_init: { kind: 'choice', values: RECURRENT_INITS, default: 'orthogonal', doc: 'recurrent kernel initializer (identity = IRNN)' },
  forget_bias: { kind: 'choice', values: [true, false], default: true, doc: 'LSTM forget-gate bias 1' },
  rnn_impl: { kind: 'choice', values: RNN_IMPLEMENTATIONS, default: 'fast', doc: "recurrent layers: loopsweep's fast ones or tfjs-layers' (to compare)" },
  // optimizer
  optimizer: { kind: 'choice', values: OPTIMIZER_NAMES, default: 'adam', doc: 'optimizer' },
  lr: { kind: 'number', min: 0, exclusiveMin: true, default: 1e-3, doc: 'base learning rate' },
  momentum: { kind: 'number', min: 0, max: 1, exclusiveMax: true, doc: 'momentum (momentum, nesterov, rmsprop)' },
  beta1: { kind: 'number', min: 0, max: 1, exclusiveMax: true, doc: 'Adam beta1' },
  beta2: { kind: 'number', min: 0, max: 1, exclusiveMax: true, doc: 'Adam beta2' },
  rho: { kind: 'number', min: 0, max: 1, exclusiveMax: true, doc: 'rmsprop/adadelta decay' },
  epsilon: { kind: 'number', min: 0, exclusiveMin: true, doc: 'optimizer epsilon' },
  weight_decay: { kind: 'number', min: 0, default: 0, doc: 'decoupled (adamw) or L2 weight decay' },
  embedding_update: {
    kind: 'choice',
    values: EMBEDDING_UPDATES,
    default: 'dense',
    doc: "embedding rows stepped: all (dense) or only the batch's tokens (lazy, as LazyAdam/SparseAdam; not adamax, adadelta)",
  },
  // schedule
  schedule: { kind: 'choice', values: SCHEDULE_TYPES, default: 'constant', doc: 'learning-rate schedule' },
  step_epochs: { kind: 'int', min: 1, doc: 'step schedule: epochs per decay' },
  gamma: { kind: 'number', min: 0, max: 1, exclusiveMin: true, doc: 'step/exponential decay factor' },
  min_lr: { kind: 'number', min: 0, doc: 'cosine / plateau floor' },
  warmup_epochs: { kind: 'number', min: 0, doc: 'warmup_cosine: warmup length in epochs' },
  factor: { kind: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, doc: 'reduce_on_plateau factor' },
  patience: { kind: 'int', min: 0, doc: 'reduce_on_plateau patience' },
  // clipping
  clip: { kind: 'choice', values: CLIP_TYPES, default: 'none', doc: 'gradient clipping' },
  clip_value: { kind: 'number', min: 0, exclusiveMin: true, default: 1, doc: 'clip=value: bound' },
  clip_norm: { kind: 'number', min: 0, exclusiveMin: true, default: 1, doc: 'clip=global_norm: max global norm' },
  // loop
  batch_size: { kind: 'int', min: 1, max: 65536, default: 32, doc: 'examples per step' },
  epochs: { kind: 'int', min: 1, doc: 'epochs (default: the context max_epochs, else 5)' },
  truncation: { kind: 'int', min: 1, doc: 'train on the last N tokens of each text' },
  class_weights: { kind: 'choice', values: ['none', 'balanced'], default: 'none', doc: 'class weighting' },
  early_stopping: { kind: 'int', min: 0, doc: 'patience in epochs on val_loss (absent: off)' },
  // data (usually fixed by the spec's dataset block; tunable here too)
  max_len: { kind: 'int', min: 1, max: 100000, doc: 'tokens per text' },
  vocab: { kind: 'int', min: 3, max: 10000000, doc: 'vocabulary size incl. pad and OOV' },
  tokenizer: { kind: 'choice', values: ['word', 'char'], doc: 'tokenizer level' },
} as const satisfies Record<string, ParamSpec>;

export type RnnTextParamName = keyof typeof RNN_TEXT_PARAMS;
