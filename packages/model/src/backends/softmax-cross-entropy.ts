/**
 * The classification loss and its gradient as single kernels on `wasm` and `cpu`: mean softmax
 * cross-entropy from logits and integer labels (optionally weighted per class), and the count of
 * correct predictions.
 *
 * Why: through tfjs ops the loss is oneHot, logSoftmax's five kernels, mul, sum, neg and mean,
 * about 15 more kernels backward, and the count of hits another six: 40 kernels and 0.65 ms per
 * training step on a [32, 2] output, 14% of a small LSTM's step, all of it per-kernel overhead on a
 * few dozen numbers (and the kind of work two busy cores slow each other on most; README, pool
 * scaling). Here the loss is one kernel forward and one backward, the hits one.
 *
 * Same function as the ops it replaces, computed in float64 and rounded once: a label outside
 * [0, classes) contributes 0 to the loss and its row gets no gradient (tf.oneHot gives a zero row),
 * a row with NaN or ±Infinity makes the loss and that row's gradient NaN (0 · −∞ is NaN in the
 * one-hot product too), the weighted mean divides by the batch size
 * (Keras's class_weight). Backends without these kernels (webgpu) keep the ops (losses.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, KernelConfig, KernelFunc, NamedTensorMap, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import type { CpuBackendInternals, WasmBackendInternals } from './kernel-types.js';

export const SOFTMAX_CROSS_ENTROPY = 'LoopsweepSoftmaxCrossEntropy';
export const WEIGHTED_SOFTMAX_CROSS_ENTROPY = 'LoopsweepWeightedSoftmaxCrossEntropy';
const SOFTMAX_CROSS_ENTROPY_GRAD = 'LoopsweepSoftmaxCrossEntropyGrad';
export const COUNT_HITS = 'LoopsweepCountHits';

/** What the three kernels compute, on plain arrays (logits row-major [batch, classes]). */
export const crossEntropyMath = {
  /** Mean over the batch of w[label]·(−log softmax(logits)[label]). */
  loss(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number, weights?: ArrayLike<number>): number {
    const batch = labels.length;
    let sum = 0;
    for (let b = 0; b < batch; b++) {
      const at = b * classes;
      // The ops give NaN for any row with NaN or ±Infinity (0 · −∞ in the one-hot product included).
      if (!rowIsFinite(logits, at, classes)) {
        sum = NaN;
        continue;
      }
      const label = labels[b] as number;
      if (!isClass(label, classes)) continue; // no one-hot entry: contributes 0
      const { max, logSumExp } = rowLogSumExp(logits, at, classes);
      const perExample = -((logits[at + label] as number) - max - logSumExp);
      sum += weights ? (weights[label] as number) * perExample : perExample;
    }
    return sum / batch;
  },

  /** d loss / d logits, times dy: w[label]·(softmax − onehot)/batch per row. */
  gradient(dy: number, logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number, out: Float32Array, weights?: ArrayLike<number>): void {
    const batch = labels.length;
    for (let b = 0; b < batch; b++) {
      const at = b * classes;
      const label = labels[b] as number;
      if (!rowIsFinite(logits, at, classes)) out.fill(NaN, at, at + classes);
      else if (!isClass(label, classes)) out.fill(0, at, at + classes);
      else {
        const scale = (dy * (weights ? (weights[label] as number) : 1)) / batch;
        const { max, logSumExp } = rowLogSumExp(logits, at, classes);
        for (let c = 0; c < classes; c++) {
          const softmax = Math.exp((logits[at + c] as number) - max - logSumExp);
          out[at + c] = scale * (softmax - (c === label ? 1 : 0));
        }
      }
    }
  },

  /** How many rows have their largest logit (the first, on ties, as argMax) at the label. */
  hits(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number {
    let hits = 0;
    for (let b = 0; b < labels.length; b++) {
      const at = b * classes;
      let best = 0;
      for (let c = 1; c < classes; c++) if ((logits[at + c] as number) > (logits[at + best] as number)) best = c;
      if (best === labels[b]) hits++;
    }
    return hits;
  },
};

function isClass(label: number, classes: number): boolean {
  return Number.isInteger(label) && label >= 0 && label < classes;
}

function rowIsFinite(logits: ArrayLike<number>, at: number, classes: number): boolean {
  for (let c = 0; c < classes; c++) if (!Number.isFinite(logits[at + c])) return false;
  return true;
}

/** The row's max and log Σ exp(x − max), in float64 (for a row of finite logits). */
function rowLogSumExp(logits: ArrayLike<number>, at: number, classes: number): { max: number; logSumExp: number } {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, logits[at + c] as number);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp((logits[at + c] as number) - max);
  return { max, logSumExp: Math.log(sum) };
}

/** Reading inputs and making outputs on one backend. */
interface Access {
  read(info: TensorInfo): ArrayLike<number>;
  /** A float32 output; `fill` writes its values (views taken after the allocation, which may grow wasm's heap). */
  output(shape: number[], fill: (values: Float32Array) => void): TensorInfo;
}

function wasmAccess(backend: unknown): Access {
  const wasm = backend as WasmBackendInternals;
  return {
    read: (info) => wasm.typedArrayFromHeap(info),
    output: (shape, fill) => {
      const out = wasm.makeOutput(shape, 'float32');
      fill(wasm.typedArrayFromHeap(out) as Float32Array);
      return out;
    },
  };
}

function cpuAccess(backend: unknown): Access {
  const cpu = backend as CpuBackendInternals;
  return {
    read: (info) => cpu.data.get(info.dataId).values,
    output: (shape, fill) => {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      fill(values);
      return cpu.makeTensorInfo(shape, 'float32', values);
    },
  };
}

interface Args {
  inputs: { logits: TensorInfo; labels: TensorInfo; classWeights?: TensorInfo; dy?: TensorInfo };
  backend: unknown;
}

function lossKernel(access: (backend: unknown) => Access): KernelFunc {
  return ((args: Args) => {
    const io = access(args.backend);
    const { logits, labels, classWeights } = args.inputs;
    const classes = logits.shape[1] as number;
    const loss = crossEntropyMath.loss(io.read(logits), io.read(labels), classes, classWeights && io.read(classWeights));
    return io.output([], (values) => (values[0] = loss));
  }) as unknown as KernelFunc;
}

function gradientKernel(access: (backend: unknown) => Access): KernelFunc {
  return ((args: Args) => {
    const io = access(args.backend);
    const { logits, labels, classWeights, dy } = args.inputs;
    const classes = logits.shape[1] as number;
    return io.output([...logits.shape], (values) => {
      // Read after the allocation: a wasm view taken before it may be detached.
      crossEntropyMath.gradient(io.read(dy!)[0] as number, io.read(logits), io.read(labels), classes, values, classWeights && io.read(classWeights));
    });
  }) as unknown as KernelFunc;
}

function hitsKernel(access: (backend: unknown) => Access): KernelFunc {
  return ((args: Args) => {
    const io = access(args.backend);
    const { logits, labels } = args.inputs;
    const hits = crossEntropyMath.hits(io.read(logits), io.read(labels), logits.shape[1] as number);
    return io.output([], (values) => (values[0] = hits));
  }) as unknown as KernelFunc;
}

const ACCESS: Record<string, (backend: unknown) => Access> = { wasm: wasmAccess, cpu: cpuAccess };

function gradConfig(kernelName: string, weighted: boolean): GradConfig {
  return {
    kernelName,
    inputsToSave: weighted ? ['logits', 'labels', 'classWeights'] : ['logits', 'labels'],
    gradFunc: (dy, saved) => {
      const [logits, labels, classWeights] = saved;
      const inputs: NamedTensorMap = { dy: dy as Tensor, logits: logits!, labels: labels!, ...(classWeights ? { classWeights } : {}) };
      const gradient = () => tf.engine().runKernel<Tensor>(SOFTMAX_CROSS_ENTROPY_GRAD, inputs);
      // Labels and weights are data, not parameters: zero gradients keep the tape whole if asked.
      return { logits: gradient, labels: () => tf.zerosLike(labels!), ...(classWeights ? { classWeights: () => tf.zerosLike(classWeights) } : {}) };
    },
  };
}

let gradientsRegistered = false;

/** Registers the three kernels for `backendName` when it is wasm or cpu; returns whether it did. */
export function installCrossEntropyKernels(backendName: string): boolean {
  const access = ACCESS[backendName];
  if (!access) return false;
  const configs: KernelConfig[] = [
    { kernelName: SOFTMAX_CROSS_ENTROPY, backendName, kernelFunc: lossKernel(access) },
    { kernelName: WEIGHTED_SOFTMAX_CROSS_ENTROPY, backendName, kernelFunc: lossKernel(access) },
    { kernelName: SOFTMAX_CROSS_ENTROPY_GRAD, backendName, kernelFunc: gradientKernel(access) },
    { kernelName: COUNT_HITS, backendName, kernelFunc: hitsKernel(access) },
  ];
  for (const config of configs) if (!tf.getKernel(config.kernelName, backendName)) tf.registerKernel(config);
  if (!gradientsRegistered) {
    tf.registerGradient(gradConfig(SOFTMAX_CROSS_ENTROPY, false));
    tf.registerGradient(gradConfig(WEIGHTED_SOFTMAX_CROSS_ENTROPY, true));
    gradientsRegistered = true;
  }
  return true;
}

/** Whether the current backend has the fused kernels (installed by initBackend on wasm and cpu). */
export function hasCrossEntropyKernels(): boolean {
  return tf.getKernel(SOFTMAX_CROSS_ENTROPY, tf.getBackend()) !== undefined;
}
