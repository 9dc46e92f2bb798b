/**
 * Moving tensors in and out of the kernel's memory without per-call JavaScript arrays (see
 * CONTRACT.md, 2026-11-26 22:10): views of the `wasm` backend's heap in, copies of views of the
 * kernel's memory out.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import type { WasmBackendInternals } from '../backends/kernel-types.js';

/**
 * A float32 tensor's values, for the kernel to copy into its own memory right away.
 *
 * Why not always dataSync(): on `wasm` it copies the tensor out of the backend's heap into a new
 * array, several MB per training step, and collecting those kept V8's GC helper threads busy on
 * the core a second trial needs (pool scaling). A view of the backend's heap costs nothing; it is
 * valid until the next tfjs allocation, so callers take views just before the kernel copies them.
 * On `cpu` dataSync() already returns the backend's own array.
 */
export function floats(tensor: tf.Tensor, name: string, context = 'recurrence'): Float32Array {
  if (tensor.dtype !== 'float32') throw new ConfigError(`${context}: ${name} must be float32, got ${tensor.dtype}`);
  const backend = tf.backend() as unknown as Partial<WasmBackendInternals>;
  if (tf.getBackend() === 'wasm' && backend.typedArrayFromHeap && backend.dataIdMap?.has(tensor.dataId)) {
    return backend.typedArrayFromHeap(tensor) as Float32Array;
  }
  return tensor.dataSync() as Float32Array;
}

/**
 * A tensor holding a copy of a view of the kernel's memory (valid only until the kernel's next call).
 * `wasm` copies what it is given into its heap; `cpu` keeps the very array, so it gets a copy.
 */
export function tensorOf<R extends tf.Rank>(view: Float32Array, shape: tf.ShapeMap[R]): tf.Tensor<R> {
  return tf.tensor<R>(tf.getBackend() === 'wasm' ? view : view.slice(), shape, 'float32');
}
