/**
 * Seeded random recurrences for the kernel tests: weights, inputs, padding masks of every kind and
 * dropout masks, as Float32Arrays.
 */
import { createRandom, normal, type RandomSource } from '../random.js';
import { gateCount, type RecurrenceProblem } from '../kernels/kernel-problem.js';
import type { KernelArrays } from '../kernels/rnn-kernel.js';
import type { RecurrentCell } from '../models/fast-rnn/recurrence.js';

export interface ProblemOptions {
  readonly cell: RecurrentCell;
  readonly activation?: 'tanh' | 'relu';
  readonly steps: number;
  readonly batch: number;
  readonly units: number;
  /** Padding in the mask: row 0 full, row 1 padded at the end, row 2 at the start, row 3 holes. */
  readonly padding?: boolean;
  /** Recurrent dropout (simple/lstm/gru) or the loop cell's two dropout masks, rate 0.3. */
  readonly dropout?: boolean;
  /** Standard deviation of xProj (default 1). */
  readonly inputScale?: number;
  /** Standard deviation of U, W2 times 1/√H (default 1). */
  readonly weightScale?: number;
  readonly seed?: number;
}

export interface RandomRecurrence {
  readonly problem: RecurrenceProblem;
  readonly arrays: KernelArrays;
  /** A random upstream gradient [T, B, H]. */
  readonly dOutput: Float32Array;
}

const gaussian = (random: RandomSource, n: number, scale: number) => Float32Array.from({ length: n }, () => normal(random) * scale);
const dropoutMask = (random: RandomSource, n: number, rate: number) => Float32Array.from({ length: n }, () => (random() < rate ? 0 : 1 / (1 - rate)));

function paddingMask(random: RandomSource, T: number, B: number): Float32Array {
  const mask = new Float32Array(T * B).fill(1);
  for (let b = 1; b < B; b++) {
    const kind = b % 4;
    const length = 1 + Math.floor(random() * (T - 1));
    for (let t = 0; t < T; t++) {
      const padded = kind === 1 ? t >= length : kind === 2 ? t < T - length : kind === 3 ? random() < 0.3 : false;
      if (padded) mask[t * B + b] = 0;
    }
  }
  return mask;
}

export function randomRecurrence(options: ProblemOptions): RandomRecurrence {
  const { cell, steps: T, batch: B, units: H } = options;
  const random = createRandom(options.seed ?? 1);
  const GH = gateCount(cell) * H;
  const weightScale = (options.weightScale ?? 1) / Math.sqrt(H);
  const problem: RecurrenceProblem = { cell, activation: options.activation ?? 'tanh', steps: T, batch: B, units: H };
  const loop = cell === 'loop';
  const arrays: KernelArrays = {
    xProj: gaussian(random, T * B * GH, options.inputScale ?? 1),
    recurrentKernel: gaussian(random, H * GH, weightScale),
    ...(options.padding ? { mask: paddingMask(random, T, B) } : {}),
    ...(options.dropout && !loop ? { recurrentDropoutMask: dropoutMask(random, B * H, 0.3) } : {}),
    ...(loop ? { kernel2: gaussian(random, H * H, weightScale), bias2: gaussian(random, H, 0.1) } : {}),
    ...(options.dropout && loop ? { dropoutMask1: dropoutMask(random, T * B * H, 0.3), dropoutMask2: dropoutMask(random, T * B * H, 0.3) } : {}),
  };
  return { problem, arrays, dOutput: gaussian(random, T * B * H, 1) };
}

/** max |a − b| over all elements. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

export function maxAbs(a: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
