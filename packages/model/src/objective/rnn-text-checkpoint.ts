/**
 * The checkpoint `rnn-text` offers with every epoch's report and continues from when `ctx.restore`
 * hands one back (population-based training). Plain data: typed arrays, numbers, strings, arrays
 * and objects, so structuredClone and v8.serialize keep it exact.
 */
import { ConfigError } from '../errors.js';
import type { ClassifierConfig } from '../models/classifier-config.js';
import type { TrainingCheckpoint } from '../training/checkpoint.js';
import type { RestoredCheckpoint } from './objective-context.js';
import type { ParsedParams, ParamValue } from './parse-params.js';
import type { PreparationKey } from './prepared-data-cache.js';

export const RNN_TEXT_CHECKPOINT_FORMAT = 'rnn-text/1';

/**
 * The params that must be the same on restore: they decide the weights' shapes, the function the
 * weights compute, or the data (token ids, classes) the weights were trained on. Every other param
 * (optimizer hyperparameters, schedule, clipping, dropout, batch size, epochs, early stopping,
 * initializers) may differ: the restored trial trains on with its own.
 */
export const RNN_TEXT_ARCHITECTURE_PARAMS = [
  'cell',
  'units',
  'layers',
  'activation',
  'bidirectional',
  'layer_norm',
  'pooling',
  'embedding_dim',
  'rnn_impl',
  'vocab',
  'max_len',
  'tokenizer',
] as const;

/** What must match, flat: architecture settings and a description of the data. */
export type Architecture = Readonly<Record<string, string | number | boolean>>;

export interface RnnTextCheckpoint {
  readonly format: typeof RNN_TEXT_CHECKPOINT_FORMAT;
  /** Compared key by key on restore. */
  readonly architecture: Architecture;
  /** The params the checkpointed trial ran with (defaults filled in), for the record. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Weights, optimizer slots (its optimizer must be the restored trial's), schedule, generators… */
  readonly training: TrainingCheckpoint;
}

/** The architecture record of a trial: the built config's shape-deciding fields and the data. */
export function architectureOf(config: ClassifierConfig, key: PreparationKey): Architecture {
  const { input, output } = config;
  return {
    cell: config.cell,
    units: config.units,
    layers: config.layers ?? 1,
    ...(config.cell === 'simple' ? { activation: config.activation ?? 'tanh' } : {}),
    bidirectional: config.bidirectional ?? false,
    layer_norm: config.layerNorm ?? false,
    pooling: config.pooling ?? 'last',
    rnn_impl: config.rnnImplementation ?? 'fast',
    ...(input.kind === 'tokens'
      ? { vocab_size: input.vocabSize, max_len: input.maxLen, embedding_dim: input.embeddingDim ?? 64 }
      : { timesteps: input.timesteps, features: input.features }),
    output: output.kind === 'classification' ? `${output.classes} classes` : 'regression',
    // Token ids and labels mean something only for the data they were made from.
    data: JSON.stringify(key),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(reason: string): never {
  throw new ConfigError(`cannot restore the rnn-text checkpoint: ${reason}`);
}

/** Checks the training part's structure (not its fit to the model: `train` checks that). */
function checkTraining(value: unknown, step: number): TrainingCheckpoint {
  if (!isRecord(value)) refuse('it has no training state');
  const { epoch, weights, optimizer, random, earlyStopping, history, inferenceMsPerExample } = value;
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 1) refuse(`its epoch is ${String(epoch)}`);
  if (epoch !== step) refuse(`it was made after epoch ${epoch} but is restored as step ${step}`);
  if (!Array.isArray(weights) || !weights.every((w) => isRecord(w) && w['values'] instanceof Float32Array && Array.isArray(w['shape']))) {
    refuse('its weights are not Float32Array values with shapes');
  }
  if (!isRecord(optimizer) || typeof optimizer['name'] !== 'string' || !isRecord(optimizer['slots'])) refuse('it has no optimizer state');
  if (!isRecord(random) || typeof random['order'] !== 'number' || typeof random['dropout'] !== 'number') refuse('it has no generator states');
  if (!isRecord(earlyStopping)) refuse('it has no early-stopping state');
  if (!Array.isArray(history) || history.length !== epoch) refuse(`its history has ${Array.isArray(history) ? history.length : 'no'} epochs, not ${epoch}`);
  if (!Array.isArray(inferenceMsPerExample)) refuse('it has no inference timings');
  return value as unknown as TrainingCheckpoint;
}

/**
 * Validates a restored value against this trial and returns its training state.
 *
 * @throws ConfigError when the value is not an rnn-text/1 checkpoint, when its step and epoch
 *   disagree, when an architecture setting differs (every difference named, with both values), or
 *   when its optimizer is another one than `optimizer`
 */
export function trainingStateFrom(restored: RestoredCheckpoint, architecture: Architecture, optimizer: string): TrainingCheckpoint {
  const value = restored.state;
  if (!isRecord(value) || value['format'] !== RNN_TEXT_CHECKPOINT_FORMAT) {
    refuse(`its format is ${isRecord(value) ? JSON.stringify(value['format']) : typeof value}, expected ${RNN_TEXT_CHECKPOINT_FORMAT}`);
  }
  const saved = value['architecture'];
  if (!isRecord(saved)) refuse('it has no architecture record');
  const keys = [...new Set([...Object.keys(saved), ...Object.keys(architecture)])];
  const differences = keys
    .filter((k) => saved[k] !== architecture[k])
    .map((k) => `${k} is ${JSON.stringify(saved[k]) ?? 'absent'} in the checkpoint, ${JSON.stringify(architecture[k]) ?? 'absent'} here`);
  if (differences.length > 0) {
    refuse(
      `the architecture differs (${differences.join('; ')}); these params must match on restore: ${RNN_TEXT_ARCHITECTURE_PARAMS.join(', ')}, and the dataset`,
    );
  }
  const training = checkTraining(value['training'], restored.step);
  if (training.optimizer.name !== optimizer) {
    refuse(`its optimizer state is ${training.optimizer.name}'s, this trial uses ${optimizer} (the optimizer must match on restore)`);
  }
  return training;
}

/** The checkpoint offered with a report. */
export function rnnTextCheckpoint(architecture: Architecture, params: ParsedParams, training: TrainingCheckpoint): RnnTextCheckpoint {
  return { format: RNN_TEXT_CHECKPOINT_FORMAT, architecture, params: { ...params }, training };
}
