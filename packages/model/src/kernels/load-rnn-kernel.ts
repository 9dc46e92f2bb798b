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
 * This thread's kernel, loaded on first use.
 *
 * @throws {BackendError} if the module is missing or this runtime cannot compile it (it needs
 *   WebAssembly SIMD: Node ≥ 16.4); the same error on every later call.
 */
export function loadRnnKernel(): RnnKernel {
  if (loaded) return loaded;
  if (failure) throw failure;
  try {
    loaded = instantiateRnnKernel(readFileSync(RNN_KERNEL_PATH));
    return loaded;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failure = new BackendError(`the recurrent WebAssembly kernel did not load from ${RNN_KERNEL_PATH}: ${reason}. Reinstall @loopsweep/model, or rebuild the kernel with \`npm run build:kernel -w @loopsweep/model\` (needs clang and lld)`, { cause: error });
    throw failure;
  }
}
