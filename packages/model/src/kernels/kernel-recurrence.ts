/**
 * The `Recurrence` of CONTRACT.md run by the WebAssembly SIMD kernel: one tf.customGrad op whose
 * forward and backward passes each copy their inputs once into the kernel's memory (straight from
 * the `wasm` backend's heap), run the whole sequence in the kernel, and copy each result once into
 * a tensor. Works on any backend whose tensors can be read
 * synchronously; the layer uses it on `wasm` and `cpu`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import { GATE_COUNT, type Recurrence, type RecurrenceInputs } from '../models/fast-rnn/recurrence.js';
import type { RecurrenceProblem } from './kernel-problem.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import type { KernelArrays, KernelOptions, RnnKernel } from './rnn-kernel.js';
import { floats, tensorOf } from './tensor-views.js';

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

function problemOf(inputs: RecurrenceInputs): RecurrenceProblem {
  const { xProj, recurrentKernel, cell } = inputs;
  if (!(cell in GATE_COUNT)) throw new ConfigError(`recurrence: unknown cell '${String(cell)}'; use one of: ${Object.keys(GATE_COUNT).join(', ')}`);
  if (xProj.rank !== 3) throw new ConfigError(`recurrence: xProj must be [T, B, G·H], got shape [${xProj.shape.join(', ')}]`);
  if (recurrentKernel.rank !== 2) throw new ConfigError(`recurrence: recurrentKernel must be [H, G·H], got shape [${recurrentKernel.shape.join(', ')}]`);
  const [T, B, GH] = xProj.shape;
  const [H, UCols] = recurrentKernel.shape;
  const G = GATE_COUNT[cell];
  if (GH !== G * H || UCols !== G * H) {
    throw new ConfigError(
      `recurrence (${cell}): xProj [${xProj.shape.join(', ')}] and recurrentKernel [${recurrentKernel.shape.join(', ')}] must both end in ${G}·H with H = ${H} (recurrentKernel's rows)`,
    );
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
  // Constants (not differentiated). The backward pass reads them again, from saved clones: the
  // layer's tidy disposes the originals before the gradient runs.
  const constantTensors: Partial<Record<'mask' | 'recurrentDropoutMask' | 'dropoutMask1' | 'dropoutMask2', tf.Tensor>> = {
    ...(inputs.mask ? { mask: inputs.mask } : {}),
    ...(inputs.recurrentDropoutMask ? { recurrentDropoutMask: inputs.recurrentDropoutMask } : {}),
    ...(loop?.dropoutMasks ? { dropoutMask1: loop.dropoutMasks[0], dropoutMask2: loop.dropoutMasks[1] } : {}),
  };
  const constantNames = Object.keys(constantTensors) as (keyof typeof constantTensors)[];
  const nameOf = (key: string) => (key === 'dropoutMask1' ? 'loop.dropoutMasks[0]' : key === 'dropoutMask2' ? 'loop.dropoutMasks[1]' : key);
  for (const key of constantNames) floats(constantTensors[key]!, nameOf(key)); // dtype checks up front
  // Views of the backend's heap, taken together just before the kernel copies them (see floats()).
  const weightArrays = (recurrentKernel: tf.Tensor, kernel2: tf.Tensor | undefined, bias2: tf.Tensor | undefined, constants: readonly tf.Tensor[]) => {
    const arrays: Record<string, Float32Array> = { recurrentKernel: floats(recurrentKernel, 'recurrentKernel') };
    if (kernel2 && bias2) Object.assign(arrays, { kernel2: floats(kernel2, 'loop.kernel2'), bias2: floats(bias2, 'loop.bias2') });
    constantNames.forEach((key, i) => (arrays[key] = floats(constants[i]!, nameOf(key))));
    return arrays as unknown as Omit<KernelArrays, 'xProj'>;
  };
  const differentiable: tf.Tensor[] = loop ? [inputs.xProj, inputs.recurrentKernel, loop.kernel2, loop.bias2] : [inputs.xProj, inputs.recurrentKernel];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [xProj, recurrentKernel, kernel2, bias2] = args as tf.Tensor[];
    const constants = constantNames.map((key) => constantTensors[key]!);
    const forward = kernel.forwardInPlace(problem, { ...weightArrays(recurrentKernel!, kernel2, bias2, constants), xProj: floats(xProj!, 'xProj') }, options);
    const value = tensorOf<tf.Rank.R3>(forward.output, [T, B, H]);
    // The tape and output stay in the backend (no JS arrays to collect) until the gradient runs;
    // save() is a no-op when no gradient is recorded, and then tidy disposes them.
    const tape = tensorOf<tf.Rank.R1>(forward.tape, [forward.tape.length]);
    save([value, tape, recurrentKernel!, ...(kernel2 && bias2 ? [kernel2, bias2] : []), ...constants]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedOutput, savedTape, savedKernel, ...rest] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, ...tf.Tensor[]];
        const [savedKernel2, savedBias2] = loop ? rest.splice(0, 2) : [undefined, undefined];
        const arrays = weightArrays(savedKernel, savedKernel2, savedBias2, rest);
        const recorded = { output: floats(savedOutput, 'the output'), tape: floats(savedTape, 'the tape') };
        const grads = kernel.backwardInPlace(problem, arrays, recorded, floats(dy, 'the output gradient'), options);
        const out: tf.Tensor[] = [tensorOf<tf.Rank.R3>(grads.xProj, [T, B, GH]), tensorOf<tf.Rank.R2>(grads.recurrentKernel, [H, GH])];
        if (grads.kernel2 && grads.bias2) out.push(tensorOf<tf.Rank.R2>(grads.kernel2, [H, H]), tensorOf<tf.Rank.R1>(grads.bias2, [H]));
        return out;
      },
    };
  });
  return op(...differentiable);
}
