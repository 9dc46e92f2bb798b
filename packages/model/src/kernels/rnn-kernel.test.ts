import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { maxAbs, maxAbsDiff, randomRecurrence, type ProblemOptions } from '../test-support/recurrence-problems.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import { referenceBackward, referenceForward } from './reference-recurrence.js';

// CONTRACT.md: forward ≤ 1e-5 absolute; gradients ≤ 1e-4 relative to the largest |gradient|.
const FORWARD_TOLERANCE = 1e-5;
const GRADIENT_TOLERANCE = 1e-4;

const kernel = loadRnnKernel();

function expectMatchesReference(options: ProblemOptions): void {
  const { problem, arrays, dOutput } = randomRecurrence(options);
  const forward = kernel.forward(problem, arrays);
  expect(maxAbsDiff(forward.output, referenceForward(problem, arrays))).toBeLessThanOrEqual(FORWARD_TOLERANCE);
  const gradients = kernel.backward(problem, arrays, forward, dOutput);
  const expected = referenceBackward(problem, arrays, dOutput);
  for (const name of ['xProj', 'recurrentKernel', 'kernel2', 'bias2'] as const) {
    const want = expected[name];
    const got = gradients[name];
    if (!want) {
      expect(got, name).toBeUndefined();
      continue;
    }
    expect(got, name).toBeDefined();
    expect(maxAbs(want), `${name} is all zeros: the test would prove nothing`).toBeGreaterThan(0);
    expect(maxAbsDiff(got!, want) / maxAbs(want), name).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
  }
}

// Odd sizes reach every tail path of the kernel (rows not a multiple of 4, columns not of 8).
const SHAPES = [
  { steps: 3, batch: 3, units: 5 },
  { steps: 7, batch: 5, units: 6 },
  { steps: 12, batch: 9, units: 13 },
  { steps: 20, batch: 8, units: 16 },
] as const;
const CELLS = [{ cell: 'simple', activation: 'tanh' }, { cell: 'simple', activation: 'relu' }, { cell: 'lstm' }, { cell: 'gru' }, { cell: 'loop' }] as const;

describe('the recurrent WebAssembly kernel against the float64 reference', () => {
  for (const cellOptions of CELLS) {
    const name = `${cellOptions.cell}${'activation' in cellOptions ? ` (${cellOptions.activation})` : ''}`;
    for (const shape of SHAPES) {
      const label = `T=${shape.steps} B=${shape.batch} H=${shape.units}`;
      it(`${name}, ${label}: outputs and every gradient`, () => expectMatchesReference({ ...cellOptions, ...shape }));
      it(`${name}, ${label}: with padding and dropout masks`, () =>
        expectMatchesReference({ ...cellOptions, ...shape, padding: true, dropout: true, seed: 7 }));
    }
    it(`${name}, the benchmark's batch and width (B=32 H=64), padding and dropout masks`, () =>
      expectMatchesReference({ ...cellOptions, steps: 5, batch: 32, units: 64, padding: true, dropout: true, seed: 9 }));
  }
});

describe('RnnKernel', () => {
  it('gives the same bits on every run of the same problem', () => {
    const { problem, arrays, dOutput } = randomRecurrence({ cell: 'lstm', steps: 30, batch: 6, units: 10, padding: true, dropout: true });
    const first = kernel.forward(problem, arrays);
    const firstGrads = kernel.backward(problem, arrays, first, dOutput);
    const second = kernel.forward(problem, arrays);
    const secondGrads = kernel.backward(problem, arrays, second, dOutput);
    expect(Buffer.from(second.output.buffer)).toEqual(Buffer.from(first.output.buffer));
    expect(Buffer.from(secondGrads.xProj.buffer)).toEqual(Buffer.from(firstGrads.xProj.buffer));
    expect(Buffer.from(secondGrads.recurrentKernel.buffer)).toEqual(Buffer.from(firstGrads.recurrentKernel.buffer));
  });

  it('lets NaN through, so a diverged run shows NaN in its loss instead of clamped numbers', () => {
    for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
      const { problem, arrays, dOutput } = randomRecurrence({ cell, steps: 4, batch: 2, units: 3 });
      const xProj = arrays.xProj.slice();
      xProj[0] = Number.NaN; // t = 0, b = 0, the first unit (first gate)
      const forward = kernel.forward(problem, { ...arrays, xProj });
      const last = forward.output.subarray((problem.steps - 1) * problem.batch * problem.units);
      expect(Number.isNaN(last[0]), cell).toBe(true);
      expect(Array.from(last.subarray(problem.units)).every(Number.isFinite), `${cell}: the other sequence stays finite`).toBe(true);
      expect(kernel.backward(problem, arrays, forward, dOutput).recurrentKernel.some(Number.isNaN), cell).toBe(true);
    }
  });

  it('reuses its memory: repeated calls of one size do not grow it', () => {
    const { problem, arrays, dOutput } = randomRecurrence({ cell: 'gru', steps: 40, batch: 16, units: 32 });
    const run = () => kernel.backward(problem, arrays, kernel.forward(problem, arrays), dOutput);
    run();
    const bytes = kernel.memoryBytes;
    for (let i = 0; i < 5; i++) run();
    expect(kernel.memoryBytes).toBe(bytes);
  });

  it('leaves the caller its inputs untouched', () => {
    const { problem, arrays, dOutput } = randomRecurrence({ cell: 'loop', steps: 5, batch: 3, units: 4, dropout: true });
    const before = Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, (v as Float32Array).slice()]));
    const dBefore = dOutput.slice();
    kernel.backward(problem, arrays, kernel.forward(problem, arrays), dOutput);
    expect(Object.fromEntries(Object.entries(arrays))).toEqual(before);
    expect(dOutput).toEqual(dBefore);
  });

  it('refuses arrays that do not fit the shape, naming each one', () => {
    const { problem, arrays } = randomRecurrence({ cell: 'lstm', steps: 4, batch: 2, units: 3 });
    const bad = { ...arrays, xProj: new Float32Array(5), mask: new Float32Array(3) };
    expect(() => kernel.forward(problem, bad)).toThrow(ConfigError);
    expect(() => kernel.forward(problem, bad)).toThrow(
      /xProj has 5 values, expected \[T, B, G·H\] = \[4, 2, 12\] = 96\n {2}mask has 3 values, expected \[T, B\] = \[4, 2\] = 8/,
    );
    expect(() => kernel.forward({ ...problem, cell: 'loop' }, { ...arrays, xProj: new Float32Array(24), recurrentKernel: new Float32Array(9) })).toThrow(
      /kernel2 is missing/,
    );
    expect(() => kernel.forward({ ...problem, units: 0 }, arrays)).toThrow(/units must be a positive integer, got 0/);
    expect(() => kernel.forward(problem, { ...arrays, xProj: Array.from(arrays.xProj) as unknown as Float32Array })).toThrow(/xProj must be a Float32Array/);
  });

  it('refuses a tape that is not from a forward pass of the same problem', () => {
    const { problem, arrays, dOutput } = randomRecurrence({ cell: 'lstm', steps: 4, batch: 2, units: 3 });
    const forward = kernel.forward(problem, arrays);
    expect(() => kernel.backward(problem, arrays, { ...forward, tape: new Float32Array(10) }, dOutput)).toThrow(/forward.tape has 10 values, expected 144/);
  });
});
