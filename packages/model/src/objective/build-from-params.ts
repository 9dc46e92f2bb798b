/**
 * Turns parsed flat params into a ClassifierConfig and a TrainingStrategy.
 */
import type {
  ClassifierConfig,
  ClassifierInput,
  ClassifierOutput,
  CellType,
  KernelInit,
  PoolingType,
  RecurrentInit,
  RnnImplementation,
} from '../models/classifier-config.js';
import type { ClipConfig, OptimizerConfig, OptimizerName, ScheduleConfig, ScheduleType, TrainingStrategy } from '../training/strategy.js';
import type { ParsedParams } from './parse-params.js';

/** Drops undefined fields so optional config properties stay absent rather than `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function classifierConfigFrom(p: ParsedParams, input: ClassifierInput, output: ClassifierOutput, seed: number): ClassifierConfig {
  return defined({
    input,
    output,
    cell: p.cell as CellType,
    units: p.units as number,
    layers: p.layers as number,
    activation: p.cell === 'simple' ? (p.activation as 'tanh' | 'relu') : undefined,
    bidirectional: p.bidirectional as boolean,
    dropout: p.dropout as number,
    recurrentDropout: p.cell === 'loop' ? undefined : (p.recurrent_dropout as number),
    layerNorm: p.layer_norm as boolean,
    pooling: p.pooling as PoolingType,
    init: { kernel: p.init as KernelInit, recurrent: p.recurrent_init as RecurrentInit, forgetBias: p.forget_bias as boolean },
    rnnImplementation: p.rnn_impl as RnnImplementation,
    seed,
  });
}

function scheduleFrom(p: ParsedParams): ScheduleConfig {
  const type = p.schedule as ScheduleType;
  const n = (key: keyof ParsedParams) => p[key] as number | undefined;
  switch (type) {
    case 'constant':
      return { type };
    case 'step':
      return defined({ type, stepEpochs: n('step_epochs'), gamma: n('gamma') });
    case 'exponential':
      return defined({ type, gamma: n('gamma') });
    case 'cosine':
      return defined({ type, minLr: n('min_lr') });
    case 'warmup_cosine':
      return defined({ type, warmupEpochs: n('warmup_epochs'), minLr: n('min_lr') });
    case 'reduce_on_plateau':
      return defined({ type, factor: n('factor'), patience: n('patience'), minLr: n('min_lr') });
  }
}

function clipFrom(p: ParsedParams): ClipConfig {
  if (p.clip === 'value') return { type: 'value', value: p.clip_value as number };
  if (p.clip === 'global_norm') return { type: 'global_norm', maxNorm: p.clip_norm as number };
  return { type: 'none' };
}

export function strategyFrom(p: ParsedParams, seed: number, maxEpochs: number | undefined): TrainingStrategy {
  const optimizer: OptimizerConfig = defined({
    name: p.optimizer as OptimizerName,
    lr: p.lr as number,
    momentum: p.momentum as number | undefined,
    beta1: p.beta1 as number | undefined,
    beta2: p.beta2 as number | undefined,
    rho: p.rho as number | undefined,
    epsilon: p.epsilon as number | undefined,
    weightDecay: p.weight_decay as number | undefined,
  });
  const requested = p.epochs as number | undefined;
  const epochs = Math.min(requested ?? maxEpochs ?? 5, maxEpochs ?? Infinity);
  return defined({
    optimizer,
    schedule: scheduleFrom(p),
    clip: clipFrom(p),
    batchSize: p.batch_size as number,
    epochs,
    truncation: p.truncation as number | undefined,
    classWeights: p.class_weights === 'balanced' ? ('balanced' as const) : undefined,
    earlyStopping: p.early_stopping === undefined ? undefined : { patience: p.early_stopping as number },
    // 'dense' stays absent, so strategies of runs that never set it are unchanged.
    embeddingUpdate: p.embedding_update === 'lazy' ? ('lazy' as const) : undefined,
    seed,
  });
}
