/**
 * The shapes and arrays of one recurrence, as the WebAssembly kernel and the float64 reference
 * both take them: plain arrays, time-major, row-major (see src/models/fast-rnn/CONTRACT.md).
 */
import { ConfigError } from '../errors.js';
import { GATE_COUNT, type RecurrentCell } from '../models/fast-rnn/recurrence.js';

export interface RecurrenceProblem {
  readonly cell: RecurrentCell;
  /** simple cell only. */
  readonly activation: 'tanh' | 'relu';
  /** T */
  readonly steps: number;
  /** B */
  readonly batch: number;
  /** H */
  readonly units: number;
}

/** The arrays of one recurrence; optional ones are absent when unused (no mask = all real). */
export interface RecurrenceArrays<A extends ArrayLike<number>> {
  /** [T, B, G·H], bias already added. Not needed by the backward pass. */
  readonly xProj: A;
  /** U [H, G·H] (loop: U1 [H, H]). */
  readonly recurrentKernel: A;
  /** [T, B]; 0 = padding (state carried over), anything else = a real token. */
  readonly mask?: A;
  /** [B, H], simple/lstm/gru. */
  readonly recurrentDropoutMask?: A;
  /** loop: W2 [H, H]. */
  readonly kernel2?: A;
  /** loop: b2 [H]. */
  readonly bias2?: A;
  /** loop: d1, d2 [T, B, H]. */
  readonly dropoutMask1?: A;
  readonly dropoutMask2?: A;
}

/** Gradients of everything differentiable: xProj, U and, for the loop cell, W2 and b2. */
export interface RecurrenceGradients<A extends ArrayLike<number>> {
  readonly xProj: A;
  readonly recurrentKernel: A;
  readonly kernel2?: A;
  readonly bias2?: A;
}

export function gateCount(cell: RecurrentCell): number {
  return GATE_COUNT[cell];
}

/**
 * Checks that every array has the length its shape needs.
 *
 * @throws {ConfigError} naming each array that does not fit, its length and the expected one.
 */
export function checkRecurrence(problem: RecurrenceProblem, arrays: Omit<RecurrenceArrays<ArrayLike<number>>, 'xProj'> & { xProj?: ArrayLike<number> }): void {
  const { cell, steps: T, batch: B, units: H } = problem;
  if (!(cell in GATE_COUNT)) throw new ConfigError(`recurrence: unknown cell '${String(cell)}'; use one of: ${Object.keys(GATE_COUNT).join(', ')}`);
  if (problem.activation !== 'tanh' && problem.activation !== 'relu') {
    throw new ConfigError(`recurrence: activation must be 'tanh' or 'relu', got '${String(problem.activation)}'`);
  }
  for (const [name, value] of [
    ['steps', T],
    ['batch', B],
    ['units', H],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(`recurrence: ${name} must be a positive integer, got ${value}`);
  }
  const GH = gateCount(cell) * H;
  const problems: string[] = [];
  const expect = (name: string, array: ArrayLike<number> | undefined, shape: string, length: number, required: boolean) => {
    if (array === undefined) {
      if (required) problems.push(`${name} is missing (${cell} cell needs ${shape})`);
    } else if (array.length !== length) {
      problems.push(`${name} has ${array.length} values, expected ${shape} = ${length}`);
    }
  };
  if (arrays.xProj !== undefined) expect('xProj', arrays.xProj, `[T, B, G·H] = [${T}, ${B}, ${GH}]`, T * B * GH, true);
  expect('recurrentKernel', arrays.recurrentKernel, `[H, G·H] = [${H}, ${GH}]`, H * GH, true);
  expect('mask', arrays.mask, `[T, B] = [${T}, ${B}]`, T * B, false);
  const loop = cell === 'loop';
  if (loop && arrays.recurrentDropoutMask) problems.push('recurrentDropoutMask is for simple/lstm/gru; the loop cell takes dropoutMask1/dropoutMask2');
  else expect('recurrentDropoutMask', arrays.recurrentDropoutMask, `[B, H] = [${B}, ${H}]`, B * H, false);
  if (!loop && (arrays.kernel2 || arrays.bias2 || arrays.dropoutMask1 || arrays.dropoutMask2)) {
    problems.push(`kernel2, bias2 and the dropout masks are for the loop cell only, not ${cell}`);
  }
  if (loop) {
    expect('kernel2', arrays.kernel2, `[H, H] = [${H}, ${H}]`, H * H, true);
    expect('bias2', arrays.bias2, `[H] = [${H}]`, H, true);
    expect('dropoutMask1', arrays.dropoutMask1, `[T, B, H] = [${T}, ${B}, ${H}]`, T * B * H, false);
    expect('dropoutMask2', arrays.dropoutMask2, `[T, B, H] = [${T}, ${B}, ${H}]`, T * B * H, false);
  }
  if (problems.length > 0) throw new ConfigError(`recurrence (${cell}, T=${T}, B=${B}, H=${H}):\n  ${problems.join('\n  ')}`);
}
