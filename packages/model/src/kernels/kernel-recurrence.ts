/**
 * The `Recurrence` of CONTRACT.md run by the WebAssembly SIMD kernel: one tf.customGrad op whose
 * forward and backward passes each read their inputs once (dataSync), run the whole sequence in
 * the kernel, and hand back one tensor per result. Works on any backend whose tensors can be read
 * synchronously; the layer uses it on `wasm` and `cpu`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import { GATE_COUNT, type Recurrence, type RecurrenceInputs } from '../models/fast-rnn/recurrence.js';
import type { RecurrenceProblem } from './kernel-problem.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import type { KernelArrays, KernelOptions, RnnKernel } from './rnn-kernel.js';

let unavailableReason: string | undefined;

/**
 * The kernel-backed recurrence, or undefined when the kernel cannot load in this thread (then
 * {@link kernelRecurrenceUnavailableReason} says why, and the layer falls back to its tfjs ops).
 * Never throws.
 */
export function loadKernelRecurrence(options: KernelOptions = {}): Recurrence | undefined {
  let kernel: RnnKernel;
  try {
    kernel = loadRnnKernel();
  } catch (error) {
    unavailableReason = error instanceof Error ? error.message : String(error);
    return undefined;
  }
  return (inputs) => kernelRecurrence(kernel, inputs, options);
}

/** Why the last {@link loadKernelRecurrence} in this thread returned undefined, if it did. */
export function kernelRecurrenceUnavailableReason(): string | undefined {
  return unavailableReason;
}

/** A float32 tensor's values; the kernel copies them and never writes to them. */
function floats(tensor: tf.Tensor, name: string): Float32Array {
  if (tensor.dtype !== 'float32') throw new ConfigError(`recurrence: ${name} must be float32, got ${tensor.dtype}`);
  return tensor.dataSync() as Float32Array;
}

function problemOf(inputs: RecurrenceInputs): RecurrenceProblem {
  const { xProj, recurrentKernel, cell } = inputs;
  if (!(cell in GATE_COUNT)) throw new ConfigError(`recurrence: unknown cell '${String(cell)}'; use one of: ${Object.keys(GATE_COUNT).join(', ')}`);
  if (xProj.rank !== 3) throw new ConfigError(`recurrence: xProj must be [T, B, G·H], got shape [${xProj.shape.join(', ')}]`);
  if (recurrentKernel.rank !== 2) throw new ConfigError(`recurrence: recurrentKernel must be [H, G·H], got shape [${recurrentKernel.shape.join(', ')}]`);
  const [T, B, GH] = xProj.shape;
  const [H, UCols] = recurrentKernel.shape;
  const G = GATE_COUNT[cell];
  if (GH !== G * H || UCols !== G * H) {
    throw new ConfigError(`recurrence (${cell}): xProj [${xProj.shape.join(', ')}] and recurrentKernel [${recurrentKernel.shape.join(', ')}] must both end in ${G}·H with H = ${H} (recurrentKernel's rows)`);
  }
  if (cell === 'loop' && !inputs.loop) throw new ConfigError('recurrence (loop): inputs.loop with kernel2 and bias2 is missing');
  return { cell, activation: inputs.activation, steps: T, batch: B, units: H };
}

/**
 * One recurrence through the kernel; see {@link Recurrence}. Gradients reach xProj,
 * recurrentKernel and (loop) kernel2 and bias2; the masks are constants.
 *
 * @throws {ConfigError} if shapes or dtypes do not fit CONTRACT.md.
 */
export function kernelRecurrence(kernel: RnnKernel, inputs: RecurrenceInputs, options: KernelOptions = {}): tf.Tensor3D {
  const problem = problemOf(inputs);
  const { steps: T, batch: B, units: H } = problem;
  const GH = GATE_COUNT[problem.cell] * H;
  const loop = inputs.cell === 'loop' ? inputs.loop : undefined;
  // Masks are read once, outside the op: they are not differentiated and the backward pass reuses them.
  const constants: Omit<KernelArrays, 'xProj' | 'recurrentKernel' | 'kernel2' | 'bias2'> = {
    ...(inputs.mask ? { mask: floats(inputs.mask, 'mask') } : {}),
    ...(inputs.recurrentDropoutMask ? { recurrentDropoutMask: floats(inputs.recurrentDropoutMask, 'recurrentDropoutMask') } : {}),
    ...(loop?.dropoutMasks ? { dropoutMask1: floats(loop.dropoutMasks[0], 'loop.dropoutMasks[0]'), dropoutMask2: floats(loop.dropoutMasks[1], 'loop.dropoutMasks[1]') } : {}),
  };
  const differentiable: tf.Tensor[] = loop ? [inputs.xProj, inputs.recurrentKernel, loop.kernel2, loop.bias2] : [inputs.xProj, inputs.recurrentKernel];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xProj, recurrentKernel, kernel2, bias2] = args as tf.Tensor[];
    const weights = {
      ...constants,
      recurrentKernel: floats(recurrentKernel!, 'recurrentKernel'),
      ...(kernel2 && bias2 ? { kernel2: floats(kernel2, 'loop.kernel2'), bias2: floats(bias2, 'loop.bias2') } : {}),
    };
    const forward = kernel.forward(problem, { ...weights, xProj: floats(xProj!, 'xProj') }, options);
    return {
      value: tf.tensor3d(forward.output, [T, B, H]),
      // The closure keeps the tape (a few MB) until tfjs drops the gradient function.
      gradFunc: (dy: tf.Tensor) => {
        const grads = kernel.backward(problem, weights, forward, floats(dy, 'the output gradient'), options);
        const out: tf.Tensor[] = [tf.tensor3d(grads.xProj, [T, B, GH]), tf.tensor2d(grads.recurrentKernel, [H, GH])];
        if (grads.kernel2 && grads.bias2) out.push(tf.tensor2d(grads.kernel2, [H, H]), tf.tensor1d(grads.bias2));
        return out;
      },
    };
  });
  return op(...differentiable) as tf.Tensor3D;
}
