/**
 * The last timestep of a time-major sequence, [T, B, H] → [B, H], with the gradient tf.slice
 * would have (dy padded with zeros for the earlier steps), bit for bit.
 *
 * Why not tf.slice: tfjs 4.22's wasm Slice took 0.33 ms of an 11 ms SimpleRNN training batch
 * (seq 100) to copy 8 KB; our wasm GatherV2 (backends/gather-rows.ts) copies the row directly.
 * Why not plain tf.gather: its gradient is two transposes and a segment sum over all T steps,
 * which costs more than the slice saved; padding dy is one small op.
 */
import * as tf from '@tensorflow/tfjs-core';

export function lastStep(sequence: tf.Tensor3D): tf.Tensor2D {
  const [steps, batch, units] = sequence.shape;
  const take = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor3D;
    return {
      value: tf.reshape(tf.gather(x, tf.tensor1d([steps - 1], 'int32')), [batch, units]),
      gradFunc: (dy: tf.Tensor) =>
        tf.pad(tf.reshape(dy, [1, batch, units]), [
          [steps - 1, 0],
          [0, 0],
          [0, 0],
        ]),
    };
  });
  return take(sequence) as tf.Tensor2D;
}
