import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../errors.js';

/**
 * Loads `@tensorflow/tfjs-node` or `@tensorflow/tfjs-node-gpu` if the user installed it.
 *
 * Why optional: their install downloads libtensorflow, which fails on machines without internet,
 * so loopsweep never depends on them. A user with CUDA installs one and gets the native backend.
 * The addon loads in only one thread per process: call this from one thread only.
 */
export async function startNative(name: 'tfjs-node' | 'tfjs-node-gpu'): Promise<string> {
  const specifier = `@tensorflow/${name}`;
  try {
    // A variable specifier: TypeScript must not require the optional package to exist.
    await import(specifier);
  } catch (error) {
    throw new BackendError(
      `${specifier} is not installed (it is optional): run \`npm install ${specifier}\` on a machine with internet access${name === 'tfjs-node-gpu' ? ' and CUDA' : ''}`,
      { cause: error },
    );
  }
  const ok = await tf.setBackend('tensorflow');
  if (!ok) throw new BackendError(`${specifier} loaded but its 'tensorflow' backend did not start`);
  await tf.ready();
  if (name === 'tfjs-node-gpu') {
    const visible = process.env['CUDA_VISIBLE_DEVICES'];
    return `TensorFlow native, CUDA${visible !== undefined ? ` (CUDA_VISIBLE_DEVICES=${visible})` : ''}`;
  }
  return 'TensorFlow native, CPU';
}
