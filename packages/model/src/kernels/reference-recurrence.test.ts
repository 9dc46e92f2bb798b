import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { maxAbs, randomRecurrence } from '../test-support/recurrence-problems.js';
import type { RecurrenceArrays, RecurrenceProblem } from './kernel-problem.js';
import { referenceBackward, referenceForward } from './reference-recurrence.js';

// CONTRACT.md: the reference's gradients vs central finite differences, ≤ 1e-3 of the largest |grad|.
const TOLERANCE = 1e-3;
const EPSILON = 1e-6;
const SAMPLES_PER_ARRAY = 25;

type Arrays = RecurrenceArrays<Float64Array>;

function loss(problem: RecurrenceProblem, arrays: Arrays, dOutput: Float32Array): number {
  const output = referenceForward(problem, arrays);
  return output.reduce((sum, v, i) => sum + v * dOutput[i]!, 0);
}

/** Central differences at a sample of each differentiable array's entries, against the reference's gradients. */
function expectFiniteDifferencesAgree(options: Parameters<typeof randomRecurrence>[0]): void {
  const { problem, arrays: floats, dOutput } = randomRecurrence(options);
  const arrays = Object.fromEntries(Object.entries(floats).map(([k, v]) => [k, Float64Array.from(v as Float32Array)])) as unknown as Arrays;
  const gradients = referenceBackward(problem, arrays, dOutput);
  const random = createRandom(3);
  for (const name of ['xProj', 'recurrentKernel', 'kernel2', 'bias2'] as const) {
    const analytic = gradients[name];
    const values = arrays[name];
    if (!analytic || !values) continue;
    const scale = maxAbs(analytic);
    expect(scale, `${name} gradient is all zeros`).toBeGreaterThan(0);
    for (let s = 0; s < SAMPLES_PER_ARRAY; s++) {
      const i = Math.floor(random() * values.length);
      const original = values[i]!;
      values[i] = original + EPSILON;
      const up = loss(problem, arrays, dOutput);
      values[i] = original - EPSILON;
      const down = loss(problem, arrays, dOutput);
      values[i] = original;
      const numeric = (up - down) / (2 * EPSILON);
      expect(Math.abs(numeric - analytic[i]!) / scale, `${name}[${i}]: numeric ${numeric}, analytic ${analytic[i]}`).toBeLessThanOrEqual(TOLERANCE);
    }
  }
}

describe('the float64 reference recurrence against central finite differences', () => {
  const shape = { steps: 8, batch: 5, units: 6 };
  for (const variant of [{ cell: 'simple' }, { cell: 'simple', activation: 'relu' }, { cell: 'lstm' }, { cell: 'gru' }, { cell: 'loop' }] as const) {
    const name = `${variant.cell}${'activation' in variant ? ` (${variant.activation})` : ''}`;
    it(`${name}`, () => expectFiniteDifferencesAgree({ ...variant, ...shape }));
    it(`${name} with padding and dropout masks`, () => expectFiniteDifferencesAgree({ ...variant, ...shape, padding: true, dropout: true, seed: 4 }));
  }
});

describe('the float64 reference recurrence', () => {
  it('carries the state over padded steps: the output there repeats the previous one', () => {
    const { problem, arrays } = randomRecurrence({ cell: 'lstm', steps: 6, batch: 4, units: 3, padding: true, seed: 2 });
    const output = referenceForward(problem, arrays);
    const { steps: T, batch: B, units: H } = problem;
    let padded = 0;
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        if (arrays.mask![t * B + b] !== 0) continue;
        padded++;
        for (let j = 0; j < H; j++) expect(output[(t * B + b) * H + j]).toBe(t === 0 ? 0 : output[((t - 1) * B + b) * H + j]);
      }
    }
    expect(padded).toBeGreaterThan(0);
  });
});
