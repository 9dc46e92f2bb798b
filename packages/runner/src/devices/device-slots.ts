/**
 * Where a sweep's trials run (DESIGN.md, "Devices, processes and machines"): worker threads of one
 * pure-JavaScript backend, or one child process per device.
 */
import type { ProcessSlot } from '../executor/child-slot.js';

/** Backends that load in any number of worker threads of one process. */
export const THREAD_BACKENDS = ['wasm', 'cpu', 'webgpu', 'auto'] as const;
export type ThreadBackend = (typeof THREAD_BACKENDS)[number];

/** Backends that may be run one process per slot without a GPU (`process:<backend>:N`). */
export const PROCESS_BACKENDS = ['wasm', 'cpu', 'tfjs-node'] as const;
export type ProcessBackend = (typeof PROCESS_BACKENDS)[number];

export type DeviceSlots =
  | { readonly kind: 'threads'; readonly backend: ThreadBackend; readonly threads: number; readonly description: string }
  | { readonly kind: 'processes'; readonly slots: readonly ProcessSlot[]; readonly description: string };
