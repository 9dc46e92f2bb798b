/**
 * Choosing and starting a TensorFlow.js backend, once per thread.
 *
 * Pure-JS backends (`wasm`, `cpu`, `webgpu`) load in any number of worker threads of a process.
 * The native ones (`tfjs-node`, `tfjs-node-gpu`) load in only one thread per process (tfjs issue
 * 8388), so the runner gives each native device its own process (DESIGN.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core registers no gradients on its own; importing tfjs-layers registers all of them, in both
// its ESM build (vitest) and its CommonJS bundle (node), which a deep import would not reach.
import '@tensorflow/tfjs-layers';
import { BACKEND_NAMES, type BackendName } from '@loopsweep/core';
import { BackendError } from '../errors.js';
import { installSegmentSumKernel } from './unsorted-segment-sum.js';
import { installCrossEntropyKernels } from './softmax-cross-entropy.js';
import { installUntransposedMatMul } from './untransposed-matmul.js';
import { installGatherRows } from './gather-rows.js';
import { installSharedIdentity } from './shared-identity.js';
import { startWasm } from './wasm.js';
import { startWebGpu } from './webgpu.js';
import { startNative } from './native.js';

// The device names are part of the objective contract, which @loopsweep/core owns.
export { BACKEND_NAMES, type BackendName };

/** What a run trained on: reported with every trial so results can be compared fairly. */
export interface BackendInfo {
  /** The tfjs backend in use: 'wasm', 'cpu', 'webgpu', 'tensorflow'. */
  readonly backend: string;
  /** What was asked for, e.g. 'auto'. */
  readonly requested: BackendName;
  /** The device in words, e.g. 'WebAssembly SIMD (XNNPACK), 1 thread'. */
  readonly device: string;
}

let current: BackendInfo | undefined;

/** The order `auto` tries: fastest first. A software WebGPU adapter is never picked by `auto`. */
const AUTO_ORDER: readonly Exclude<BackendName, 'auto'>[] = ['tfjs-node-gpu', 'tfjs-node', 'webgpu', 'wasm', 'cpu'];

async function start(name: Exclude<BackendName, 'auto'>, forAuto: boolean): Promise<BackendInfo> {
  switch (name) {
    case 'cpu': {
      await tf.setBackend('cpu');
      await tf.ready();
      // tfjs prints a banner urging tfjs-node on the first cpu write; our BackendError messages say
      // how to get the native backend, and a banner in every worker's output is noise.
      (tf.backend() as { firstUse?: boolean }).firstUse = false;
      installSegmentSumKernel('cpu');
      installCrossEntropyKernels('cpu');
      return { backend: 'cpu', requested: name, device: 'plain JavaScript CPU kernels' };
    }
    case 'wasm': {
      const device = await startWasm();
      installSegmentSumKernel('wasm');
      installCrossEntropyKernels('wasm');
      installUntransposedMatMul();
      installGatherRows();
      installSharedIdentity();
      return { backend: 'wasm', requested: name, device };
    }
    case 'webgpu':
      return { backend: 'webgpu', requested: name, device: await startWebGpu({ refuseSoftware: forAuto }) };
    case 'tfjs-node':
    case 'tfjs-node-gpu':
      return { backend: 'tensorflow', requested: name, device: await startNative(name) };
  }
}

/**
 * Starts a backend in this thread and makes it current. Calling it again with the same name is
 * free; a different name switches backends.
 *
 * `auto` takes the fastest one that loads: tfjs-node-gpu, tfjs-node, a hardware WebGPU adapter,
 * wasm, then cpu.
 *
 * @throws {BackendError} if the named backend cannot be loaded here (the message says what to
 *   install), or if the name is unknown.
 */
export async function initBackend(name: BackendName = 'wasm'): Promise<BackendInfo> {
  if (!(BACKEND_NAMES as readonly string[]).includes(name)) {
    throw new BackendError(`unknown backend '${String(name)}'; use one of: ${BACKEND_NAMES.join(', ')}`);
  }
  if (current && (current.requested === name || (name !== 'auto' && current.backend === name)) && tf.getBackend() === current.backend) {
    return current;
  }
  if (name !== 'auto') {
    current = await start(name, false);
    return current;
  }
  const failures: string[] = [];
  for (const candidate of AUTO_ORDER) {
    try {
      current = { ...(await start(candidate, true)), requested: 'auto' };
      return current;
    } catch (error) {
      failures.push(`${candidate}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new BackendError(`no backend could be loaded:\n  ${failures.join('\n  ')}`);
}

/** The backend started by the last successful initBackend in this thread, if any. */
export function currentBackend(): BackendInfo | undefined {
  return current;
}
