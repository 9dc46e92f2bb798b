/**
 * x·W + b for the inputs of all timesteps at once, with a gradient written for wasm.
 *
 * Where the recurrence runs in the WebAssembly kernel (`wasm`, `cpu`), the projection does too, on
 * the kernel's own GEMM (src/kernels/kernel-projection.ts): 48–55 GFLOP/s against XNNPACK's 25–40
 * on these shapes. `LOOPSWEEP_PROJECTION=ops` keeps it on tfjs's matMul, to measure what that buys.
 * The tfjs form below serves every other backend.
 *
 * Why not tfjs's own gradient: the bias gradient of a broadcast add is a Sum over the T·B rows,
 * which tfjs runs as a transpose plus a reduction (10.7 of 60 ms of an LSTM batch at seq 200
 * here); as a matMul with a row of ones it is one fast XNNPACK call. Every matMul here has
 * untransposed operands, which is what wasm's XNNPACK path needs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelProjection } from '../../kernels/kernel-projection.js';
import { loadRnnKernel } from '../../kernels/load-rnn-kernel.js';
import { selectRecurrence } from './select-recurrence.js';

/** [N, E] · [E, G] + [G] → [N, G], differentiable w.r.t. all three. */
export function inputProjection(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  // selectRecurrence() says 'kernel' only once this thread's kernel has loaded, so this cannot throw.
  if (selectRecurrence().name === 'kernel' && globalThis.process?.env['LOOPSWEEP_PROJECTION'] !== 'ops')
    return kernelProjection(loadRnnKernel(), x, kernel, bias);
  return opsProjection(x, kernel, bias);
}

/** The tfjs form: untransposed matMuls only, which is what wasm's XNNPACK path needs. */
function opsProjection(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  const project = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, weights, offset, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([input, weights]);
    return {
      value: tf.add(tf.matMul(input, weights), offset),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedInput, savedWeights] = saved as [tf.Tensor2D, tf.Tensor2D];
        const dOut = dy as tf.Tensor2D;
        return [
          tf.matMul(dOut, tf.transpose(savedWeights)),
          tf.matMul(tf.transpose(savedInput), dOut),
          tf.reshape(tf.matMul(tf.ones([1, dOut.shape[0]]), dOut), [dOut.shape[1]]),
        ];
      },
    };
  });
  return project(x, kernel, bias) as tf.Tensor2D;
}
