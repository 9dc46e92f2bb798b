/**
 * The recurrent WebAssembly SIMD kernel (native/rnn_kernel.c): the low-level typed API, its loader,
 * and the `Recurrence` of CONTRACT.md built on it for the fast layers.
 */
export { loadKernelRecurrence, kernelRecurrence, kernelRecurrenceUnavailableReason } from './kernel-recurrence.js';
export { loadRnnKernel, loadRnnKernelFile, instantiateRnnKernel, RNN_KERNEL_PATH } from './load-rnn-kernel.js';
export { RnnKernel, type KernelArrays, type KernelForward, type KernelGradients, type KernelOptions, type PlacedSgemm } from './rnn-kernel.js';
export type { SgemmShape } from './sgemm-shape.js';
export type { RecurrenceArrays, RecurrenceGradients, RecurrenceProblem } from './kernel-problem.js';
