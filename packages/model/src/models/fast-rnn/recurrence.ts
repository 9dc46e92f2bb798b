/**
 * The recurrence of a fast recurrent layer: the part that walks the time axis. The layer does the
 * input projection for all timesteps at once and hands the result here time-major; see CONTRACT.md
 * beside this file for the cell equations, masking rules and tolerances both implementations meet.
 */
import type * as tf from '@tensorflow/tfjs-core';

export type RecurrentCell = 'simple' | 'lstm' | 'gru' | 'loop';

/** Gate blocks per cell: the width of xProj and of U is gates·H. */
export const GATE_COUNT: Readonly<Record<RecurrentCell, number>> = { simple: 1, lstm: 4, gru: 3, loop: 1 };

export interface RecurrenceInputs {
  readonly cell: RecurrentCell;
  /** simple only; the other cells ignore it. */
  readonly activation: 'tanh' | 'relu';
  /** [T, B, G·H], bias already added. */
  readonly xProj: tf.Tensor3D;
  /** U: [H, G·H] (loop: U1 [H, H]). */
  readonly recurrentKernel: tf.Tensor2D;
  /** [T, B] float32, 1 = real token, 0 = padding. */
  readonly mask?: tf.Tensor2D;
  /** [B, H], one per sequence, already scaled by 1/(1−p) (simple, lstm, gru). */
  readonly recurrentDropoutMask?: tf.Tensor2D;
  /** loop cell only. */
  readonly loop?: {
    /** W2 [H, H] */
    readonly kernel2: tf.Tensor2D;
    /** b2 [H] */
    readonly bias2: tf.Tensor1D;
    /** [T, B, H] each, fresh per step, already scaled by 1/(1−p). */
    readonly dropoutMasks?: readonly [tf.Tensor3D, tf.Tensor3D];
  };
}

/**
 * Returns all outputs h_1..h_T, time-major [T, B, H]; differentiable w.r.t. xProj,
 * recurrentKernel and (loop) kernel2/bias2 through tf.customGrad. Masks are not differentiated.
 */
export type Recurrence = (inputs: RecurrenceInputs) => tf.Tensor3D;
