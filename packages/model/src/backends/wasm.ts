import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BackendError } from '../errors.js';

/**
 * Starts the `wasm` backend from the .wasm files in node_modules.
 *
 * Why a file path: in Node (and in worker threads) the Emscripten loader reads a local path with
 * `fs`, so nothing is fetched; the default would try the CDN the package was built for.
 */
export async function startWasm(): Promise<string> {
  let distDir: string;
  try {
    const require = createRequire(import.meta.url);
    distDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
  } catch (error) {
    throw new BackendError(
      '@tensorflow/tfjs-backend-wasm is not installed (a dependency of @loopsweep/model); run `npm install`, or `npm ci` in the loopsweep repository',
      { cause: error },
    );
  }
  if (tf.getBackend() !== 'wasm') {
    setWasmPaths(distDir);
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new BackendError(`the wasm backend failed to start from ${distDir}`);
  }
  await tf.ready();
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  return `WebAssembly${simd ? ' SIMD' : ''} (XNNPACK), ${threads ? 'multi-threaded' : '1 thread'}`;
}
