/**
 * The few members of the WebAssembly JavaScript API the kernel loader uses, typed here because
 * TypeScript declares `WebAssembly` only in its DOM libraries, which this Node package does not load.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Adds pages of 64 KiB; detaches the old buffer. @throws {RangeError} when it cannot. */
  grow(pages: number): number;
}

export interface WasmGlobal {
  readonly value: unknown;
}

export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

interface WebAssemblyApi {
  readonly Module: {
    new (bytes: Uint8Array): object;
    customSections(module: object, name: string): ArrayBuffer[];
  };
  readonly Instance: new (module: object, imports: object) => WasmInstance;
}

/** Node's global WebAssembly object (present in every Node this package supports). */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
