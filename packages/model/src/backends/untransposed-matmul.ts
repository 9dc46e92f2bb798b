/**
 * Makes `wasm` matMuls take XNNPACK's fast path.
 *
 * Why: tfjs 4.22's `wasm` BatchMatMul is fast only when neither operand is transposed, and every
 * matMul of a backward pass is transposed. Transposing the operand explicitly first (one cheap
 * copy) and then multiplying untransposed made an LSTM training batch 1.8× faster here. The
 * wrapper keeps the original kernel and only rewrites its inputs, so results are unchanged up to
 * float summation order.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendInternals } from './kernel-types.js';

const wrapped = new Set<string>();

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

function wrap(original: KernelConfig, transpose: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = args.attrs as NamedAttrMap & { transposeA?: boolean; transposeB?: boolean };
    if (!attrs.transposeA && !attrs.transposeB) return original.kernelFunc(args);
    const backend = args.backend as WasmBackendInternals;
    const inputs = { ...args.inputs } as Record<string, TensorInfo>;
    const temporaries: TensorInfo[] = [];
    for (const [name, flag] of [
      ['a', attrs.transposeA],
      ['b', attrs.transposeB],
    ] as const) {
      const operand = inputs[name];
      if (!flag || !operand) continue;
      const transposed = transpose({ inputs: { x: operand }, backend: args.backend, attrs: { perm: swapLastTwo(operand.shape.length) } }) as TensorInfo;
      temporaries.push(transposed);
      inputs[name] = transposed;
    }
    try {
      return original.kernelFunc({ ...args, inputs, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temporaries) backend.disposeData(t.dataId);
    }
  };
}

/** Wraps `wasm`'s BatchMatMul and _FusedMatMul once per thread. */
export function installUntransposedMatMul(): void {
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!transpose) return;
  for (const kernelName of [tf.BatchMatMul, tf._FusedMatMul]) {
    if (wrapped.has(kernelName)) continue;
    const original = tf.getKernel(kernelName, 'wasm');
    if (!original) continue;
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ ...original, kernelFunc: wrap(original, transpose.kernelFunc) });
    wrapped.add(kernelName);
  }
}
