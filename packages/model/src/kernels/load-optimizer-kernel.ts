/**
 * The fused optimizer step's WebAssembly kernel (native/optimizer_kernel.c), instantiated on
 * tfjs-wasm's own memory so that it updates weights and slots where they lie.
 *
 * One instance per tfjs-wasm memory (a worker thread has its own backend, hence its own memory),
 * made on first use. When it cannot be made — the file is missing, or the backend is the
 * multi-threaded build, whose shared memory this module does not declare — a dense step goes
 * through tfjs's ops and a lazy one through the JavaScript rules (fused-rules.ts), which compute
 * the same bits, only slower.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webAssembly, type WasmMemory } from './webassembly-api.js';

/** At the package root: `../../kernel` from both src/kernels (tests) and dist/kernels. */
export const OPTIMIZER_KERNEL_PATH = fileURLToPath(new URL('../../kernel/optimizer_kernel.wasm', import.meta.url));

/** The kernel's exports; pointers are byte offsets into the memory, ranges element indices. See the C file. */
export interface OptimizerKernel {
  sgd(w: number, out: number, g: number, from: number, to: number, c: number, l2: number): void;
  momentum(w: number, out: number, g: number, a: number, from: number, to: number, c: number, m: number, nesterov: number, l2: number): void;
  rmsprop(
    w: number,
    out: number,
    g: number,
    s: number,
    a: number,
    from: number,
    to: number,
    lr: number,
    rho: number,
    oneMinusRho: number,
    mu: number,
    eps: number,
    l2: number,
  ): void;
  adagrad(w: number, out: number, g: number, s: number, from: number, to: number, negLr: number, eps: number, l2: number): void;
  adam(
    w: number,
    out: number,
    g: number,
    m: number,
    v: number,
    from: number,
    to: number,
    b1: number,
    b2: number,
    oneMinusB1: number,
    oneMinusB2: number,
    correction1: number,
    correction2: number,
    eps: number,
    negLr: number,
    l2: number,
    shrink: number,
  ): void;
}

let bytes: Uint8Array | undefined;
const instances = new WeakMap<WasmMemory, OptimizerKernel | null>();

/** The kernel on `memory`, or undefined when it cannot run there (see the module comment). */
export function optimizerKernelOn(memory: WasmMemory): OptimizerKernel | undefined {
  const known = instances.get(memory);
  if (known !== undefined) return known ?? undefined;
  let kernel: OptimizerKernel | null = null;
  try {
    bytes ??= readFileSync(OPTIMIZER_KERNEL_PATH);
    const instance = new webAssembly.Instance(new webAssembly.Module(bytes), { env: { memory } });
    kernel = instance.exports as unknown as OptimizerKernel;
  } catch {
    // Missing file or shared memory: the JavaScript rules take over (same results).
    kernel = null;
  }
  instances.set(memory, kernel);
  return kernel ?? undefined;
}
