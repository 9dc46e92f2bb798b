import type { TaskKind } from '../data/types.js';

/**
 * One split as flat typed arrays: `x` holds `count` examples of `exampleShape` each, row-major;
 * `y` holds integer labels (classification) or one target per example (regression). Batches are
 * cut from these on the fly, so a whole dataset never sits in tensors at once.
 */
export interface ArraySplit {
  readonly x: Int32Array | Float32Array;
  readonly exampleShape: readonly number[];
  readonly y: Int32Array | Float32Array;
  readonly count: number;
}

export interface TrainingData {
  readonly task: TaskKind;
  /** Number of classes; 1 for regression. */
  readonly classes: number;
  readonly train: ArraySplit;
  readonly validation: ArraySplit;
}

export function exampleSize(split: ArraySplit): number {
  return split.exampleShape.reduce((a, b) => a * b, 1);
}
