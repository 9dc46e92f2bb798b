import { describe, expect, it } from 'vitest';
import { maxAbs, maxAbsDiff, randomRecurrence } from '../test-support/recurrence-problems.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import { referenceBackward, referenceForward } from './reference-recurrence.js';

const SMALLEST_NORMAL = 2 ** -126;
const kernel = loadRnnKernel();

const subnormalShare = (values: Float32Array) => values.reduce((n, v) => n + (v !== 0 && Math.abs(v) < SMALLEST_NORMAL ? 1 : 0), 0) / values.length;

// Flushing replaces values below 2^-100 ≈ 8e-31 by 0. What grows from them later (a state that
// grows 1e4× over 20 steps carries an 8e-31 change to 8e-27) still lies far below anything the
// 1e-5 / 1e-4 tolerances of CONTRACT.md could see.
const FLUSH_DIFFERENCE = 1e-25;

describe('subnormal flushing in the recurrent kernel', () => {
  for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
    it(`${cell}: gradients decaying through 150 steps lose their subnormals and nothing the tolerances can see`, () => {
      // A classifier on the last output: the gradient enters at t = T only and shrinks going back.
      const { problem, arrays, dOutput } = randomRecurrence({ cell, steps: 150, batch: 4, units: 8, weightScale: 0.5, seed: 1 });
      const lastStep = (problem.steps - 1) * problem.batch * problem.units;
      const lastOnly = new Float32Array(dOutput.length);
      lastOnly.set(dOutput.subarray(lastStep), lastStep);

      const forward = kernel.forward(problem, arrays);
      const unflushed = kernel.backward(problem, arrays, forward, lastOnly, { flushSubnormals: false });
      const flushed = kernel.backward(problem, arrays, forward, lastOnly);
      expect(subnormalShare(unflushed.xProj), 'the input is not subnormal-heavy: the test would prove nothing').toBeGreaterThan(0.005);

      const reference = referenceBackward(problem, arrays, lastOnly);
      for (const name of ['xProj', 'recurrentKernel', 'kernel2', 'bias2'] as const) {
        const got = flushed[name];
        if (!got) continue;
        expect(subnormalShare(got), `${name} still holds subnormals`).toBe(0);
        expect(maxAbsDiff(got, unflushed[name]!), name).toBeLessThanOrEqual(FLUSH_DIFFERENCE);
        expect(maxAbsDiff(got, reference[name]!) / maxAbs(reference[name]!), name).toBeLessThanOrEqual(1e-4);
      }
    });
  }

  for (const cell of ['simple', 'lstm', 'gru'] as const) {
    it(`${cell}: states of tiny inputs are flushed in the forward pass, within tolerance of the float64 reference`, () => {
      const { problem, arrays } = randomRecurrence({ cell, steps: 20, batch: 4, units: 8, inputScale: 1e-37, seed: 1 });
      const unflushed = kernel.forward(problem, arrays, { flushSubnormals: false });
      const flushed = kernel.forward(problem, arrays);
      expect(subnormalShare(unflushed.output), 'the input is not subnormal-heavy: the test would prove nothing').toBeGreaterThan(0.01);
      expect(subnormalShare(flushed.output)).toBe(0);
      expect(maxAbsDiff(flushed.output, unflushed.output)).toBeLessThanOrEqual(FLUSH_DIFFERENCE);
      expect(maxAbsDiff(flushed.output, referenceForward(problem, arrays))).toBeLessThanOrEqual(1e-5);
    });
  }
});
