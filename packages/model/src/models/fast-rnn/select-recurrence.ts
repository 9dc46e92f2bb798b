/**
 * Which implementation of the recurrence a fast layer runs on the current backend.
 *
 * - `wasm`, `cpu`: the WebAssembly SIMD kernel (src/kernels), when it loads in this thread. Its
 *   data moves by synchronous reads, which both backends allow, and it runs a whole sequence per
 *   call instead of tens of tfjs ops per step.
 * - every other backend (`webgpu`, the native ones), or when the kernel cannot load: tfjs ops.
 *
 * `LOOPSWEEP_RECURRENCE=ops` in the environment forces the tfjs ops everywhere: a diagnostic, to
 * measure what the kernel buys (tools/bench/train-step.mjs uses it).
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelRecurrenceUnavailableReason, loadKernelRecurrence } from '../../kernels/kernel-recurrence.js';
import type { Recurrence } from './recurrence.js';
import { opsRecurrence } from './ops-recurrence.js';

export type RecurrenceName = 'kernel' | 'ops';

export interface SelectedRecurrence {
  readonly name: RecurrenceName;
  readonly recurrence: Recurrence;
  /** Why the kernel is not used, when it is not. */
  readonly reason?: string;
}

const KERNEL_BACKENDS = new Set(['wasm', 'cpu']);
let kernel: { recurrence: Recurrence | undefined; reason: string | undefined } | undefined;

/** The recurrence for the backend active now (see the module comment). Never throws. */
export function selectRecurrence(): SelectedRecurrence {
  if (globalThis.process?.env['LOOPSWEEP_RECURRENCE'] === 'ops') return { name: 'ops', recurrence: opsRecurrence, reason: 'LOOPSWEEP_RECURRENCE=ops' };
  const backend = tf.getBackend();
  if (!KERNEL_BACKENDS.has(backend)) return { name: 'ops', recurrence: opsRecurrence, reason: `backend '${backend}' has no synchronous reads for the kernel` };
  // Loaded once per thread (module scope is per worker thread).
  kernel ??= (() => {
    const recurrence = loadKernelRecurrence();
    return { recurrence, reason: recurrence ? undefined : kernelRecurrenceUnavailableReason() };
  })();
  if (kernel.recurrence) return { name: 'kernel', recurrence: kernel.recurrence };
  return { name: 'ops', recurrence: opsRecurrence, reason: kernel.reason ?? 'the kernel did not load' };
}
