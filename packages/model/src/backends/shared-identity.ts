/**
 * A `wasm` Identity that shares the input's data (one more reference) instead of copying it, as
 * tfjs's `cpu` and `webgl` backends already do.
 *
 * Why: tfjs saves every tensor a gradient will need through Identity (engine.clone), and 4.22's
 * wasm Identity copies the whole buffer: 33 copies per SimpleRNN training batch at seq 100
 * (inputs of every matMul, the recurrence's saved output and tape, the embedding table's
 * gradient...). Tensors are immutable and wasm kernels always write fresh outputs, and the
 * backend frees data only when its last reference goes (refCount), so sharing is safe; the values
 * are the same bits either way.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

interface IdentityArgs {
  inputs: { x: TensorInfo };
  backend: { incRef(dataId: object): void };
}

let installed = false;

function sharedIdentity(original: KernelFunc): KernelFunc {
  return ((args: IdentityArgs) => {
    const { x } = args.inputs;
    // Strings live outside the heap; the original kernel handles them.
    if (x.dtype === 'string') return original(args);
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  }) as unknown as KernelFunc;
}

/** Replaces `wasm`'s Identity once per thread. */
export function installSharedIdentity(): void {
  if (installed) return;
  const original = tf.getKernel(tf.Identity, 'wasm');
  if (!original) return;
  tf.unregisterKernel(tf.Identity, 'wasm');
  const config: KernelConfig = { ...original, kernelFunc: sharedIdentity(original.kernelFunc) };
  tf.registerKernel(config);
  installed = true;
}
