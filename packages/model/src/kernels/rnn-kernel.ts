/**
 * Typed access to the recurrent WebAssembly kernel (native/rnn_kernel.c): Float32Arrays in,
 * Float32Arrays out.
 *
 * Each call lays its arrays out in the module's memory from __heap_base up, runs, and copies the
 * results out (the *InPlace variants hand out views instead, which the caller copies before the
 * next call), so nothing lives in the module between calls: a forward pass's tape is handed back
 * to the caller instead of being held for a backward pass that may never come. Memory grows to
 * the largest call seen and is reused after that. Input arrays must not be views of this module's
 * memory (a growth would detach them).
 */
import { BackendError, ConfigError } from '../errors.js';
import type { WasmGlobal, WasmInstance, WasmMemory } from './webassembly-api.js';
import { checkRecurrence, gateCount, type RecurrenceArrays, type RecurrenceGradients, type RecurrenceProblem } from './kernel-problem.js';
import { checkSgemmShape, sgemmSizes, type SgemmShape } from './sgemm-shape.js';

export type KernelArrays = RecurrenceArrays<Float32Array>;
export type KernelGradients = RecurrenceGradients<Float32Array>;

export interface KernelOptions {
  /**
   * Flush values below 2^-100 to zero in both passes (default true), so that neither they nor
   * their products become subnormal (|x| < 2^-126): gradients through long sequences decay into
   * that range, where x86 arithmetic is several times slower and WebAssembly cannot set
   * flush-to-zero. Results move by less than 2^-100 ≈ 8e-31 per value. (See native/vec.h for why
   * the threshold is above 2^-126.)
   */
  readonly flushSubnormals?: boolean;
}

/** What the forward pass returns: the outputs, and what the backward pass needs from it. */
export interface KernelForward {
  /** h_1..h_T, [T, B, H]. */
  readonly output: Float32Array;
  /** Opaque to callers: pass it (or a copy of it) back to backward(). */
  readonly tape: Float32Array;
}

interface KernelExports {
  readonly memory: WasmMemory;
  readonly __heap_base: WasmGlobal;
  rnn_tape_floats(cell: number, T: number, B: number, H: number): number;
  rnn_scratch_floats(B: number, H: number): number;
  rnn_forward(...args: number[]): number;
  rnn_backward(...args: number[]): number;
  rnn_sgemm_scratch_floats(K: number, N: number): number;
  rnn_sgemm(flags: number, M: number, N: number, K: number, A: number, B: number, C: number, scratch: number): void;
}

/** A product placed in the kernel's memory: fill a and b (and c) in place, then run it. */
export interface PlacedSgemm {
  readonly a: Float32Array;
  readonly b: Float32Array;
  readonly c: Float32Array;
  /** c += op(a)·op(b), on the placed arrays. */
  run(): void;
}

const CELL_CODES = { simple: 0, lstm: 1, gru: 2, loop: 3 } as const;
const FLAG_FLUSH_SUBNORMALS = 1;
const FLAG_RELU = 2;
const SGEMM_TRANSPOSE_A = 1;
const SGEMM_TRANSPOSE_B = 2;
const WASM_PAGE_BYTES = 65536;

/** Places arrays one after another in the module's memory, 16-byte aligned, from a base address. */
class Layout {
  private end: number;

  constructor(base: number) {
    this.end = Math.ceil(base / 16) * 16;
  }

  /** The byte address of a new array of `floats` floats. */
  take(floats: number): number {
    const at = this.end;
    this.end += Math.ceil((floats * 4) / 16) * 16;
    return at;
  }

  get bytes(): number {
    return this.end;
  }
}

export class RnnKernel {
  private readonly exports: KernelExports;
  private readonly heapBase: number;

  /**
   * @throws {BackendError} if the module does not export what this class calls (a stale build).
   */
  constructor(instance: WasmInstance) {
    const exports = instance.exports as unknown as KernelExports;
    const names = [
      'memory',
      '__heap_base',
      'rnn_tape_floats',
      'rnn_scratch_floats',
      'rnn_forward',
      'rnn_backward',
      'rnn_sgemm',
      'rnn_sgemm_scratch_floats',
    ] as const;
    for (const name of names) {
      if (!(name in exports))
        throw new BackendError(`the recurrent kernel module lacks the export '${name}'; rebuild it: npm run build:kernel -w @loopsweep/model`);
    }
    this.exports = exports;
    this.heapBase = Number(exports.__heap_base.value);
  }

  /** Bytes of WebAssembly memory the module holds now (it only grows, to the largest call). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /**
   * Runs the recurrence forward.
   *
   * @throws {ConfigError} if an array's length does not fit the problem's shape.
   * @throws {BackendError} if the memory the call needs cannot be had.
   */
  forward(problem: RecurrenceProblem, arrays: KernelArrays, options: KernelOptions = {}): KernelForward {
    const views = this.forwardInPlace(problem, arrays, options);
    return { output: views.output.slice(), tape: views.tape.slice() };
  }

  /**
   * {@link forward} without copying the results out: they are views of the module's memory,
   * valid only until the next call of this kernel. For callers that copy them elsewhere at once
   * (kernelRecurrence writes them into tensors), so that no per-call arrays are garbage-collected.
   */
  forwardInPlace(problem: RecurrenceProblem, arrays: KernelArrays, options: KernelOptions = {}): KernelForward {
    checkRecurrence(problem, arrays);
    const { cell, steps: T, batch: B, units: H } = problem;
    const layout = new Layout(this.heapBase);
    const inputs = this.placeInputs(layout, arrays, true);
    const outAt = layout.take(T * B * H);
    const tapeFloats = this.exports.rnn_tape_floats(CELL_CODES[cell], T, B, H);
    const tapeAt = layout.take(tapeFloats);
    const scratchAt = layout.take(this.exports.rnn_scratch_floats(B, H));
    this.reserve(layout.bytes);
    this.copyIn(inputs);
    const status = this.exports.rnn_forward(
      CELL_CODES[cell],
      flags(problem, options),
      T,
      B,
      H,
      inputs.xProj.at,
      inputs.recurrentKernel.at,
      inputs.mask?.at ?? 0,
      inputs.recurrentDropoutMask?.at ?? 0,
      inputs.kernel2?.at ?? 0,
      inputs.bias2?.at ?? 0,
      inputs.dropoutMask1?.at ?? 0,
      inputs.dropoutMask2?.at ?? 0,
      outAt,
      tapeAt,
      scratchAt,
    );
    if (status !== 0)
      throw new BackendError(`the recurrent kernel refused cell '${cell}' (status ${status}); rebuild it: npm run build:kernel -w @loopsweep/model`);
    return { output: this.view(outAt, T * B * H), tape: this.view(tapeAt, tapeFloats) };
  }

  /**
   * Backpropagates dOutput [T, B, H] through the recurrence whose forward pass gave `forward`,
   * with the same problem, arrays (xProj may be left out) and options.
   *
   * @throws {ConfigError} if an array's length does not fit the problem's shape.
   * @throws {BackendError} if the memory the call needs cannot be had.
   */
  backward(
    problem: RecurrenceProblem,
    arrays: Omit<KernelArrays, 'xProj'>,
    forward: KernelForward,
    dOutput: Float32Array,
    options: KernelOptions = {},
  ): KernelGradients {
    const views = this.backwardInPlace(problem, arrays, forward, dOutput, options);
    const copies: KernelGradients = { xProj: views.xProj.slice(), recurrentKernel: views.recurrentKernel.slice() };
    return views.kernel2 && views.bias2 ? { ...copies, kernel2: views.kernel2.slice(), bias2: views.bias2.slice() } : copies;
  }

  /** {@link backward} with its results as views valid until the next call (see {@link forwardInPlace}). */
  backwardInPlace(
    problem: RecurrenceProblem,
    arrays: Omit<KernelArrays, 'xProj'>,
    forward: KernelForward,
    dOutput: Float32Array,
    options: KernelOptions = {},
  ): KernelGradients {
    checkRecurrence(problem, arrays);
    const { cell, steps: T, batch: B, units: H } = problem;
    const G = gateCount(cell);
    const tapeFloats = this.exports.rnn_tape_floats(CELL_CODES[cell], T, B, H);
    const problems: string[] = [];
    if (forward.output.length !== T * B * H) problems.push(`forward.output has ${forward.output.length} values, expected [T, B, H] = ${T * B * H}`);
    if (forward.tape.length !== tapeFloats)
      problems.push(`forward.tape has ${forward.tape.length} values, expected ${tapeFloats} (is it from a forward pass of this problem?)`);
    if (dOutput.length !== T * B * H) problems.push(`dOutput has ${dOutput.length} values, expected [T, B, H] = ${T * B * H}`);
    if (problems.length > 0) throw new ConfigError(`recurrence backward (${cell}, T=${T}, B=${B}, H=${H}):\n  ${problems.join('\n  ')}`);

    const layout = new Layout(this.heapBase);
    const inputs = this.placeInputs(layout, { ...arrays, output: forward.output, tape: forward.tape, dOutput }, false);
    const dXProjAt = layout.take(T * B * G * H);
    const dUAt = layout.take(H * G * H);
    const loop = cell === 'loop';
    const dW2At = loop ? layout.take(H * H) : 0;
    const db2At = loop ? layout.take(H) : 0;
    const scratchAt = layout.take(this.exports.rnn_scratch_floats(B, H));
    this.reserve(layout.bytes);
    this.copyIn(inputs);
    const status = this.exports.rnn_backward(
      CELL_CODES[cell],
      flags(problem, options),
      T,
      B,
      H,
      inputs.recurrentKernel.at,
      inputs.mask?.at ?? 0,
      inputs.recurrentDropoutMask?.at ?? 0,
      inputs.kernel2?.at ?? 0,
      inputs.dropoutMask1?.at ?? 0,
      inputs.dropoutMask2?.at ?? 0,
      inputs.output.at,
      inputs.tape.at,
      inputs.dOutput.at,
      dXProjAt,
      dUAt,
      dW2At,
      db2At,
      scratchAt,
    );
    if (status !== 0)
      throw new BackendError(`the recurrent kernel refused cell '${cell}' (status ${status}); rebuild it: npm run build:kernel -w @loopsweep/model`);
    const gradients: KernelGradients = { xProj: this.view(dXProjAt, T * B * G * H), recurrentKernel: this.view(dUAt, H * G * H) };
    return loop ? { ...gradients, kernel2: this.view(dW2At, H * H), bias2: this.view(db2At, H) } : gradients;
  }

  /**
   * c + op(a)·op(b) with the kernel's block code (native/sgemm.h); c defaults to zeros.
   *
   * @throws {ConfigError} if the shape is not positive integers or an array's length does not fit it.
   * @throws {BackendError} if the memory the call needs cannot be had.
   */
  sgemm(shape: SgemmShape, a: Float32Array, b: Float32Array, c?: Float32Array): Float32Array {
    checkSgemmShape(shape);
    const sizes = sgemmSizes(shape);
    const given = { a, b, c };
    const wrong = (['a', 'b', 'c'] as const).flatMap((name) => {
      const array = given[name];
      return array && array.length !== sizes[name] ? [`${name} has ${array.length} values, expected ${sizes[name]}`] : [];
    });
    if (wrong.length > 0) throw new ConfigError(`sgemm ${shape.m}×${shape.k}·${shape.k}×${shape.n}: ${wrong.join('; ')}`);
    const placed = this.placeSgemm(shape);
    placed.a.set(a);
    placed.b.set(b);
    if (c) placed.c.set(c);
    placed.run();
    return placed.c.slice();
  }

  /**
   * Places one product's arrays in the kernel's memory (c zeroed) and hands out views of them, for
   * callers that fill the operands in place and run the product repeatedly without copies (the
   * sgemm-rate benchmark). The views are valid until the next call of this kernel.
   *
   * @throws {ConfigError} if the shape is not positive integers.
   * @throws {BackendError} if the memory the call needs cannot be had.
   */
  placeSgemm(shape: SgemmShape): PlacedSgemm {
    checkSgemmShape(shape);
    const { m, n, k } = shape;
    const sizes = sgemmSizes(shape);
    const layout = new Layout(this.heapBase);
    const aAt = layout.take(sizes.a);
    const bAt = layout.take(sizes.b);
    const cAt = layout.take(sizes.c);
    const scratchAt = layout.take(this.exports.rnn_sgemm_scratch_floats(k, n));
    this.reserve(layout.bytes);
    const c = this.view(cAt, sizes.c);
    c.fill(0);
    const flags = (shape.transposeA ? SGEMM_TRANSPOSE_A : 0) | (shape.transposeB ? SGEMM_TRANSPOSE_B : 0);
    const exports = this.exports;
    return { a: this.view(aAt, sizes.a), b: this.view(bAt, sizes.b), c, run: () => exports.rnn_sgemm(flags, m, n, k, aAt, bAt, cAt, scratchAt) };
  }

  /** Gives every present array an address; `withXProj` false leaves xProj out (backward). */
  private placeInputs<K extends string>(
    layout: Layout,
    arrays: Partial<Record<K, Float32Array>>,
    withXProj: boolean,
  ): Record<K, { at: number; data: Float32Array }> {
    const placed: Partial<Record<K, { at: number; data: Float32Array }>> = {};
    for (const [name, data] of Object.entries(arrays) as [K, Float32Array | undefined][]) {
      if (data === undefined || (!withXProj && name === 'xProj')) continue;
      if (!(data instanceof Float32Array)) throw new ConfigError(`recurrence: ${name} must be a Float32Array, got ${Object.prototype.toString.call(data)}`);
      placed[name] = { at: layout.take(data.length), data };
    }
    return placed as Record<K, { at: number; data: Float32Array }>;
  }

  private copyIn(placed: Record<string, { at: number; data: Float32Array }>): void {
    const heap = new Float32Array(this.exports.memory.buffer);
    for (const { at, data } of Object.values(placed)) heap.set(data, at / 4);
  }

  private view(at: number, floats: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, at, floats);
  }

  /** Grows memory to at least `bytes`; a growth detaches old views, so views are made after it. */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing <= 0) return;
    try {
      memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
    } catch (error) {
      throw new BackendError(
        `the recurrent kernel needs ${(bytes / 2 ** 20).toFixed(0)} MiB of WebAssembly memory and could not get it; use a smaller batch, sequence length or layer`,
        { cause: error },
      );
    }
  }
}

function flags(problem: RecurrenceProblem, options: KernelOptions): number {
  return (options.flushSubnormals === false ? 0 : FLAG_FLUSH_SUBNORMALS) | (problem.cell === 'simple' && problem.activation === 'relu' ? FLAG_RELU : 0);
}
