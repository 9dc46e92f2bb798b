/**
 * Direct views of tensors' memory on the `wasm` and `cpu` backends, for the fused optimizer step,
 * which writes weights and slots itself instead of through a dozen tfjs ops.
 *
 * Writing in place is only safe into a buffer nobody else can see, and that no kernel has cached a
 * derived copy of. Three ways to break that exist:
 * - tfjs shares a dataId between tensors (Identity, reshape, clone: refCount > 1);
 * - the `cpu` backend keeps the very TypedArray a tensor was made from (`tf.tensor(array)` stores
 *   `array`, so a checkpoint's Float32Array restored into a variable would change with every step);
 * - `wasm`'s XNNPACK matMul packs its weight operand once and caches the packed copy by tensor id
 *   until that tensor is freed (tensors are immutable to tfjs): a weight changed in place would
 *   keep being multiplied with its old values.
 * So slots (read only by optimizers) are written in place, but only after {@link TensorMemory.own}
 * gave them a buffer this module allocated that no other tensor references; a weight gets a
 * {@link TensorMemory.fresh} buffer every step, and its old one is freed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmMemory } from '../kernels/webassembly-api.js';
import type { CpuBackendInternals, WasmBackendInternals } from './kernel-types.js';

/** The backends whose memory {@link tensorMemory} can reach. */
export const MEMORY_BACKENDS = ['wasm', 'cpu'] as const;

export interface TensorMemory {
  /**
   * Whether the tensor's data lives in this backend (a tensor made on another backend moves only
   * when a kernel reads it).
   */
  holds(tensor: tf.Tensor): boolean;
  /**
   * Gives `variable` a buffer of its own if it may share one (see the module comment); a no-op
   * when it already owns one. On `wasm` this can grow the heap, which detaches views taken
   * earlier: own every variable of a step first, then take the views.
   */
  own(variable: tf.Variable): void;
  /**
   * A new float32 tensor of `shape` whose contents are undefined until the caller writes them all
   * (through {@link TensorMemory.floats}). On `wasm` this can grow the heap, as `own` can.
   */
  fresh(shape: readonly number[]): tf.Tensor;
  /** The float32 data, writable only for a variable {@link TensorMemory.own} was just called on. */
  floats(tensor: tf.Tensor): Float32Array;
  /** The int32 data (token ids). */
  ints(tensor: tf.Tensor): Int32Array;
  /** `wasm`: the WebAssembly memory every view is of (for a kernel to run on); `cpu`: undefined. */
  readonly heap: WasmMemory | undefined;
}

interface Backend {
  readonly heap: WasmMemory | undefined;
  refCount(dataId: object): number;
  fresh(shape: number[]): TensorInfo;
  view(tensor: tf.Tensor): ArrayLike<number> | undefined;
  has(dataId: object): boolean;
}

/** dataIds whose buffers this module allocated (the variable holding one owns it while refCount is 1). */
const allocated = new WeakSet<object>();

type WasmBackend = WasmBackendInternals & { refCount(dataId: object): number; wasm: { asm?: { memory?: WasmMemory } } };

function wasmBackend(backend: WasmBackend): Backend {
  return {
    // Emscripten's non-threaded build exports its memory as `asm.memory`.
    heap: backend.wasm.asm?.memory,
    refCount: (dataId) => backend.refCount(dataId),
    fresh: (shape) => backend.makeOutput(shape, 'float32'),
    view: (tensor) => backend.typedArrayFromHeap(tensor),
    has: (dataId) => backend.dataIdMap.has(dataId),
  };
}

function cpuBackend(backend: CpuBackendInternals & { refCount(dataId: object): number }): Backend {
  return {
    heap: undefined,
    refCount: (dataId) => backend.refCount(dataId),
    fresh: (shape) => backend.makeTensorInfo(shape, 'float32', new Float32Array(shape.reduce((a, b) => a * b, 1))),
    // DataStorage.get answers undefined for data another backend holds.
    view: (tensor) => (backend.data.get(tensor.dataId) as { values: ArrayLike<number> } | undefined)?.values,
    has: (dataId) => (backend.data.get(dataId) as object | undefined) !== undefined,
  };
}

class BackendMemory implements TensorMemory {
  constructor(
    private readonly name: string,
    private readonly backend: Backend,
  ) {}

  get heap(): WasmMemory | undefined {
    return this.backend.heap;
  }

  holds(tensor: tf.Tensor): boolean {
    return this.backend.has(tensor.dataId);
  }

  own(variable: tf.Variable): void {
    if (allocated.has(variable.dataId) && this.backend.refCount(variable.dataId) === 1) return;
    // slice(): a copy no caller holds (cpu keeps the array it is given; wasm copies it again).
    const copy = tf.tensor(this.floats(variable).slice(), variable.shape, 'float32');
    variable.assign(copy);
    copy.dispose();
    allocated.add(variable.dataId);
  }

  fresh(shape: readonly number[]): tf.Tensor {
    // makeOutput/makeTensorInfo give data with refCount 1 that the engine does not know yet.
    return tf.engine().makeTensorFromTensorInfo(this.backend.fresh([...shape]));
  }

  floats(tensor: tf.Tensor): Float32Array {
    const view = this.backend.view(tensor);
    if (!(view instanceof Float32Array)) throw new Error(`${this.name}: tensor ${tensor.id} is ${tensor.dtype}, not float32 data in this backend`);
    return view;
  }

  ints(tensor: tf.Tensor): Int32Array {
    const view = this.backend.view(tensor);
    if (!(view instanceof Int32Array)) throw new Error(`${this.name}: tensor ${tensor.id} is ${tensor.dtype}, not int32 data in this backend`);
    return view;
  }
}

/** The memory of the current backend, or undefined when it is not `wasm` or `cpu` (e.g. `webgpu`). */
export function tensorMemory(): TensorMemory | undefined {
  const name = tf.getBackend();
  if (name === 'wasm') return new BackendMemory(name, wasmBackend(tf.backend() as unknown as Parameters<typeof wasmBackend>[0]));
  if (name === 'cpu') return new BackendMemory(name, cpuBackend(tf.backend() as unknown as Parameters<typeof cpuBackend>[0]));
  return undefined;
}
