/**
 * Makes tfjs 4.22's `webgpu` Cast convert int32/bool → float32 for real.
 *
 * Why: that Cast treats int32 → float32 as lossless and only relabels the tensor, but webgpu stores
 * int32 and bool as i32 and float32 as f32, so the next shader reads i32 where it expects f32.
 * Dawn then rejects the shader ("expected 'f32', got 'i32'") and the op yields zeros. tfjs-layers
 * casts the padding mask this way in every masked recurrent layer, so text models on webgpu
 * silently did not learn. We convert with a one-line shader instead.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

interface WebGpuBackendLike {
  runWebGPUProgram(program: object, inputs: TensorInfo[], outputDtype: tf.DataType): TensorInfo;
}

interface WebGpuUtil {
  flatDispatchLayout(shape: number[]): { x: number[] };
  computeDispatch(layout: { x: number[] }, shape: number[], workgroupSize: [number, number, number]): [number, number, number];
}

/** A WebGPUProgram (the backend's structural interface) that writes f32(A[i]). */
class ToFloatProgram {
  readonly variableNames = ['A'];
  readonly size = true;
  readonly workgroupSize: [number, number, number] = [128, 1, 1];
  readonly shaderKey = 'loopsweep_to_float32';
  readonly outputShape: number[];
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];

  constructor(shape: number[], util: WebGpuUtil) {
    this.outputShape = shape;
    this.dispatchLayout = util.flatDispatchLayout(shape);
    this.dispatch = util.computeDispatch(this.dispatchLayout, shape, this.workgroupSize);
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          setOutputAtIndex(index, f32(A[index]));
        }
      }
    `;
  }
}

let installed = false;

export async function installWebGpuCastFix(): Promise<void> {
  if (installed) return;
  const original = tf.getKernel(tf.Cast, 'webgpu');
  if (!original) return;
  const { webgpu_util: util } = (await import('@tensorflow/tfjs-backend-webgpu')) as unknown as { webgpu_util: WebGpuUtil };
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs['x'] as TensorInfo;
    const dtype = (args.attrs as { dtype: tf.DataType }).dtype;
    if (dtype !== 'float32' || (x.dtype !== 'int32' && x.dtype !== 'bool')) return original.kernelFunc(args);
    return (args.backend as WebGpuBackendLike).runWebGPUProgram(new ToFloatProgram([...x.shape], util), [x], 'float32');
  };
  tf.unregisterKernel(tf.Cast, 'webgpu');
  tf.registerKernel({ ...original, kernelFunc });
  installed = true;
}
