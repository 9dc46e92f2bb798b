/**
 * The few backend internals our kernels touch, typed structurally so we need no deep imports into
 * the backends' private modules.
 */
import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';

export interface WasmBackendInternals {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object): boolean;
  /** Which tensors live in this backend's heap (a tensor made on another backend may not yet). */
  dataIdMap: { has(dataId: object): boolean };
}

export interface CpuBackendInternals {
  data: { get(dataId: object): { values: ArrayLike<number> } };
  makeTensorInfo(shape: number[], dtype: DataType, values: Float32Array | Int32Array): TensorInfo;
  disposeIntermediateTensorInfo(info: TensorInfo): void;
}
