/**
 * UnsortedSegmentSum kernels for `wasm` and `cpu`: the gradient of `gather`, hence of every
 * Embedding layer.
 *
 * Why: tfjs 4.22's `wasm` backend has no such kernel, so an embedding cannot train there at all
 * (and the failed fallback leaks thousands of tensors); `cpu`'s kernel builds a one-hot comparison
 * of every row against every segment, which took 150 s and 4 GB for one call at vocab 5000. A
 * direct scatter-add is O(size of x) and takes milliseconds.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { CpuBackendInternals, WasmBackendInternals } from './kernel-types.js';

interface SegmentSumArgs {
  inputs: { x: TensorInfo; segmentIds: TensorInfo };
  attrs: { numSegments: number };
}

function outputShape(x: TensorInfo, numSegments: number): number[] {
  return [numSegments, ...x.shape.slice(1)];
}

/** out[segmentIds[i], j] += x[i, j]; ids outside [0, numSegments) are dropped, as in TensorFlow. */
function scatterAdd(x: ArrayLike<number>, ids: ArrayLike<number>, numSegments: number, out: Float32Array | Int32Array): void {
  out.fill(0);
  const rows = ids.length;
  const inner = rows === 0 ? 0 : x.length / rows;
  for (let i = 0; i < rows; i++) {
    const segment = ids[i] as number;
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) out[to + j] = (out[to + j] as number) + (x[from + j] as number);
  }
}

function wasmSegmentSum(args: SegmentSumArgs & { backend: unknown }): TensorInfo {
  const { x, segmentIds } = args.inputs;
  const backend = args.backend as WasmBackendInternals;
  // makeOutput can grow the wasm heap, which detaches earlier views: take the views after it.
  const out = backend.makeOutput(outputShape(x, args.attrs.numSegments), x.dtype);
  const outValues = backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
  scatterAdd(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(segmentIds), args.attrs.numSegments, outValues);
  return out;
}

function cpuSegmentSum(args: SegmentSumArgs & { backend: unknown }): TensorInfo {
  const { x, segmentIds } = args.inputs;
  const backend = args.backend as CpuBackendInternals;
  const shape = outputShape(x, args.attrs.numSegments);
  const size = shape.reduce((a, b) => a * b, 1);
  const out = x.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  scatterAdd(backend.data.get(x.dataId).values, backend.data.get(segmentIds.dataId).values, args.attrs.numSegments, out);
  return backend.makeTensorInfo(shape, x.dtype, out);
}

const kernels: Record<string, KernelFunc> = {
  wasm: wasmSegmentSum as unknown as KernelFunc,
  cpu: cpuSegmentSum as unknown as KernelFunc,
};

/** Installs (or replaces) the UnsortedSegmentSum kernel of `backendName` if we have one for it. */
export function installSegmentSumKernel(backendName: string): boolean {
  const kernelFunc = kernels[backendName];
  if (!kernelFunc) return false;
  if (tf.getKernel(tf.UnsortedSegmentSum, backendName)) tf.unregisterKernel(tf.UnsortedSegmentSum, backendName);
  const config: KernelConfig = { kernelName: tf.UnsortedSegmentSum, backendName, kernelFunc };
  tf.registerKernel(config);
  return true;
}
