/**
 * Loads the recurrent kernel once per thread, synchronously.
 *
 * Synchronous because layers are built and called synchronously (tfjs-layers' `call`), and a
 * module of a few tens of KB compiles in milliseconds. Once per thread because each worker thread
 * has its own module scope: every trial thread gets its own instance and memory, never shared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BackendError } from '../errors.js';
import { RnnKernel } from './rnn-kernel.js';
import { webAssembly } from './webassembly-api.js';

/**
 * The committed build, at the package root: `../../kernel` from both src/kernels (tests) and
 * dist/kernels (the built package), so the file needs no copying into dist.
 */
export const RNN_KERNEL_PATH = fileURLToPath(new URL('../../kernel/rnn_kernel.wasm', import.meta.url));

let loaded: RnnKernel | undefined;
let failure: BackendError | undefined;

/** Instantiates a kernel from module bytes (a fresh instance with its own memory each call). */
export function instantiateRnnKernel(bytes: Uint8Array): RnnKernel {
  const module = new webAssembly.Module(bytes);
  return new RnnKernel(new webAssembly.Instance(module, {}));
}

/**
 * A kernel from a module file (a fresh instance each call).
 *
 * @throws {BackendError} if the file is missing or this runtime cannot compile it (it needs
 *   WebAssembly SIMD: Node ≥ 16.4); the message says how to get a working module.
 */
export function loadRnnKernelFile(file: string): RnnKernel {
  try {
    return instantiateRnnKernel(readFileSync(file));
  } catch (error) {
    if (error instanceof BackendError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackendError(
      `the recurrent WebAssembly kernel did not load from ${file}: ${reason}. Reinstall @loopsweep/model, or rebuild the kernel with \`npm run build:kernel -w @loopsweep/model\` (needs clang and lld)`,
      { cause: error },
    );
  }
}

/**
 * This thread's kernel, loaded from {@link RNN_KERNEL_PATH} on first use.
 *
 * @throws {BackendError} as {@link loadRnnKernelFile}; the same error on every later call.
 */
export function loadRnnKernel(): RnnKernel {
  if (loaded) return loaded;
  if (failure) throw failure;
  try {
    loaded = loadRnnKernelFile(RNN_KERNEL_PATH);
    return loaded;
  } catch (error) {
    failure = error as BackendError;
    throw failure;
  }
}
