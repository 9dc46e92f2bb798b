/**
 * A training checkpoint: everything `train` needs to continue a run exactly where it stopped, as
 * plain data (typed arrays, numbers, arrays, plain objects) that survives structuredClone and
 * v8.serialize.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError } from '../errors.js';
import type { ValLossTrackerState } from './early-stopping.js';
import type { EpochMetrics } from './epoch-metrics.js';
import type { OptimizerState, TensorData } from './optimizer-state.js';
import type { ScheduleState } from './schedules.js';

/** One model weight: its name when saved (informational: tfjs renames on rebuild), shape and values. */
export interface WeightData extends TensorData {
  readonly name: string;
}

export interface TrainingCheckpoint {
  /** Epochs completed; training continues with epoch + 1. */
  readonly epoch: number;
  /** Optimizer steps taken (epoch · steps per epoch). */
  readonly globalStep: number;
  /** Every weight of the model (trainable or not), in `model.weights` order. */
  readonly weights: readonly WeightData[];
  readonly optimizer: OptimizerState;
  /** reduce_on_plateau's memory; undefined for the step-wise schedules. */
  readonly schedule: ScheduleState | undefined;
  /** States of the batch-order and dropout generators (mulberry32, one uint32 each). */
  readonly random: { readonly order: number; readonly dropout: number };
  readonly earlyStopping: ValLossTrackerState;
  /** Every epoch's metrics so far (train_seconds and inference_ms_per_example continue from them). */
  readonly history: readonly EpochMetrics[];
  /** The per-epoch inference timings whose median is inference_ms_per_example. */
  readonly inferenceMsPerExample: readonly number[];
}

/** Copies every weight of `model` out. */
export async function captureWeights(model: tfl.LayersModel): Promise<WeightData[]> {
  return Promise.all(
    model.weights.map(async (w) => {
      const value = w.read();
      if (value.dtype !== 'float32') throw new ConfigError(`cannot checkpoint weight ${w.name} of dtype ${value.dtype}`);
      return { name: w.name, shape: [...value.shape], values: (await value.data<'float32'>()).slice() };
    }),
  );
}

function showShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Why `weights` do not fit `model`, or undefined when they do: the weight counts, or every weight
 * whose shape differs (by position, with both names).
 */
export function weightsMismatch(model: tfl.LayersModel, weights: readonly WeightData[]): string | undefined {
  const own = model.weights;
  if (own.length !== weights.length) return `the checkpoint has ${weights.length} weights, the model ${own.length}`;
  const problems: string[] = [];
  own.forEach((w, i) => {
    const saved = weights[i] as WeightData;
    const shape = w.shape as number[];
    const fits = saved.shape.length === shape.length && saved.shape.every((d, j) => d === shape[j]) && saved.values.length === w.read().size;
    if (!fits) problems.push(`weight ${i} (${saved.name}) is ${showShape(saved.shape)} in the checkpoint, ${showShape(shape)} in the model (${w.name})`);
  });
  return problems.length === 0 ? undefined : problems.join('; ');
}

/**
 * Overwrites every weight of `model` with `weights`.
 * @throws ConfigError naming what does not fit (see {@link weightsMismatch}); the model is untouched then
 */
export function restoreWeights(model: tfl.LayersModel, weights: readonly WeightData[]): void {
  const mismatch = weightsMismatch(model, weights);
  if (mismatch !== undefined) throw new ConfigError(`checkpoint does not fit the model: ${mismatch}`);
  model.weights.forEach((w, i) => {
    const saved = weights[i] as WeightData;
    tf.tidy(() => (w.read() as tf.Variable).assign(tf.tensor(saved.values, [...saved.shape], 'float32')));
  });
}
