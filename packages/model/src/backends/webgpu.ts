import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../errors.js';
import { installWebGpuCastFix } from './webgpu-cast.js';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike } | null>;
}

const NO_DRIVER_HINT =
  'WebGPU needs a Vulkan driver that Dawn accepts: an NVIDIA/AMD/Intel GPU driver, or on Debian 12 ' +
  'the software one from bookworm-backports (`apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1`; ' +
  "Debian 12's own Mesa 22 is refused by Dawn)";

function describe(info: AdapterInfoLike | undefined): string {
  if (!info) return 'unknown adapter';
  return [info.description || info.device, info.vendor && `vendor ${info.vendor}`, info.architecture && `arch ${info.architecture}`].filter(Boolean).join(', ');
}

/** True for CPU-emulated adapters (lavapipe/llvmpipe, SwiftShader): correct, but slower than wasm. */
export function isSoftwareAdapter(info: AdapterInfoLike | undefined): boolean {
  const text = `${info?.architecture ?? ''} ${info?.description ?? ''} ${info?.device ?? ''}`.toLowerCase();
  return /software|llvmpipe|lavapipe|swiftshader/.test(text);
}

/**
 * Starts `@tensorflow/tfjs-backend-webgpu` on Dawn's Node binding (npm `webgpu`).
 *
 * Why the globals: the tfjs backend looks for `navigator.gpu` and the WebGPU constants
 * (GPUBufferUsage…) as a browser has them; Node has neither, so we install Dawn's.
 *
 * @throws {BackendError} when `webgpu` is not installed, no adapter is found, or (with
 *   `refuseSoftware`, as `auto` asks) the only adapter is a software one.
 */
export async function startWebGpu(options: { refuseSoftware: boolean }): Promise<string> {
  let dawn: { create(flags: string[]): GpuLike; globals: Record<string, unknown> };
  try {
    const specifier = 'webgpu';
    dawn = (await import(specifier)) as typeof dawn;
  } catch (error) {
    throw new BackendError('the optional package `webgpu` (Dawn for Node) is not installed: run `npm install webgpu`', { cause: error });
  }
  const g = globalThis as { navigator?: { gpu?: GpuLike } };
  if (!g.navigator?.gpu) {
    Object.assign(globalThis, dawn.globals);
    const gpu = dawn.create([]);
    // Node 20 has no navigator; Node 21+ has one without `gpu`.
    if (g.navigator) Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
    else g.navigator = { gpu };
  }
  const adapter = await g.navigator.gpu!.requestAdapter();
  if (!adapter) throw new BackendError(`no WebGPU adapter found. ${NO_DRIVER_HINT}`);
  if (options.refuseSoftware && isSoftwareAdapter(adapter.info)) {
    throw new BackendError(`only a software WebGPU adapter is present (${describe(adapter.info)}); wasm is faster`);
  }
  await import('@tensorflow/tfjs-backend-webgpu');
  const ok = await tf.setBackend('webgpu');
  if (!ok) throw new BackendError(`the webgpu backend failed to start on ${describe(adapter.info)}`);
  await tf.ready();
  await installWebGpuCastFix();
  return `WebGPU on ${describe(adapter.info)}${isSoftwareAdapter(adapter.info) ? ' (software)' : ''}`;
}
