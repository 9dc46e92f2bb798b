import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { ConfigError } from '../errors.js';
import { opsRecurrence } from '../models/fast-rnn/ops-recurrence.js';
import type { Recurrence, RecurrenceInputs, RecurrentCell } from '../models/fast-rnn/recurrence.js';
import { maxAbs, maxAbsDiff, randomRecurrence, type ProblemOptions } from '../test-support/recurrence-problems.js';
import { loadKernelRecurrence } from './kernel-recurrence.js';
import { loadRnnKernel } from './load-rnn-kernel.js';

// CONTRACT.md: forward ≤ 1e-5 absolute; gradients ≤ 1e-4 relative to the largest |gradient|.
const FORWARD_TOLERANCE = 1e-5;
const GRADIENT_TOLERANCE = 1e-4;

/**
 * CONTRACT.md's equations in the plainest tfjs ops, one step at a time, differentiated by tfjs's
 * own autodiff: independent of both the kernel and the layer's hand-written backward passes.
 */
const autodiffRecurrence: Recurrence = (inputs) => {
  const [T, B] = inputs.xProj.shape;
  const U = inputs.recurrentKernel;
  const H = U.shape[0];
  const r = inputs.recurrentDropoutMask;
  let h: tf.Tensor = tf.zeros([B, H]);
  let c: tf.Tensor = tf.zeros([B, H]);
  const outputs: tf.Tensor[] = [];
  const gate = (z: tf.Tensor, k: number) => tf.slice(z, [0, k * H], [B, H]);
  for (let t = 0; t < T; t++) {
    const x = tf.squeeze(tf.slice(inputs.xProj, [t, 0, 0], [1, -1, -1]), [0]);
    const hr = r ? tf.mul(h, r) : h;
    let hNew: tf.Tensor;
    let cNew = c;
    switch (inputs.cell) {
      case 'simple': {
        const z = tf.add(x, tf.matMul(hr, U));
        hNew = inputs.activation === 'relu' ? tf.relu(z) : tf.tanh(z);
        break;
      }
      case 'lstm': {
        const z = tf.add(x, tf.matMul(hr, U));
        cNew = tf.add(tf.mul(tf.sigmoid(gate(z, 1)), c), tf.mul(tf.sigmoid(gate(z, 0)), tf.tanh(gate(z, 2))));
        hNew = tf.mul(tf.sigmoid(gate(z, 3)), tf.tanh(cNew));
        break;
      }
      case 'gru': {
        const zr = tf.add(tf.slice(x, [0, 0], [B, 2 * H]), tf.matMul(hr, tf.slice(U, [0, 0], [H, 2 * H])));
        const z = tf.sigmoid(gate(zr, 0));
        const rho = tf.sigmoid(gate(zr, 1));
        const hh = tf.tanh(tf.add(gate(x, 2), tf.matMul(tf.mul(rho, hr), tf.slice(U, [0, 2 * H], [H, H]))));
        hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hh));
        break;
      }
      case 'loop': {
        const loop = inputs.loop!;
        const [d1, d2] = loop.dropoutMasks?.map((m) => tf.squeeze(tf.slice(m, [t, 0, 0], [1, -1, -1]), [0])) ?? [undefined, undefined];
        let a = tf.relu(tf.tanh(tf.add(x, tf.matMul(h, U))));
        if (d1) a = tf.mul(a, d1);
        hNew = tf.relu(tf.tanh(tf.add(tf.matMul(a, loop.kernel2), loop.bias2)));
        if (d2) hNew = tf.mul(hNew, d2);
        break;
      }
    }
    if (inputs.mask) {
      const m = tf.reshape(tf.slice(inputs.mask, [t, 0], [1, B]), [B, 1]);
      const keep = tf.sub(1, m);
      hNew = tf.add(tf.mul(m, hNew), tf.mul(keep, h));
      cNew = tf.add(tf.mul(m, cNew), tf.mul(keep, c));
    }
    h = hNew;
    c = cNew;
    outputs.push(h);
  }
  return tf.stack(outputs) as tf.Tensor3D;
};

function tensorInputs(options: ProblemOptions): { inputs: RecurrenceInputs; probe: tf.Tensor3D } {
  const { problem, arrays, dOutput } = randomRecurrence(options);
  const { steps: T, batch: B, units: H, cell } = problem;
  const GH = arrays.recurrentKernel.length / H;
  const inputs: RecurrenceInputs = {
    cell,
    activation: problem.activation,
    xProj: tf.tensor3d(arrays.xProj, [T, B, GH]),
    recurrentKernel: tf.tensor2d(arrays.recurrentKernel, [H, GH]),
    ...(arrays.mask ? { mask: tf.tensor2d(arrays.mask, [T, B]) } : {}),
    ...(arrays.recurrentDropoutMask ? { recurrentDropoutMask: tf.tensor2d(arrays.recurrentDropoutMask, [B, H]) } : {}),
    ...(cell === 'loop'
      ? {
          loop: {
            kernel2: tf.tensor2d(arrays.kernel2!, [H, H]),
            bias2: tf.tensor1d(arrays.bias2!),
            ...(arrays.dropoutMask1
              ? { dropoutMasks: [tf.tensor3d(arrays.dropoutMask1, [T, B, H]), tf.tensor3d(arrays.dropoutMask2!, [T, B, H])] as const }
              : {}),
          },
        }
      : {}),
  };
  return { inputs, probe: tf.tensor3d(dOutput, [T, B, H]) };
}

/** Output and the gradients of Σ output∘probe w.r.t. xProj, U (and loop W2, b2), as arrays. */
function run(recurrence: Recurrence, inputs: RecurrenceInputs, probe: tf.Tensor3D): Float32Array[] {
  return tf.tidy(() => {
    const differentiable = inputs.loop
      ? [inputs.xProj, inputs.recurrentKernel, inputs.loop.kernel2, inputs.loop.bias2]
      : [inputs.xProj, inputs.recurrentKernel];
    const rebuild = (xs: tf.Tensor[]): RecurrenceInputs => ({
      ...inputs,
      xProj: xs[0] as tf.Tensor3D,
      recurrentKernel: xs[1] as tf.Tensor2D,
      ...(inputs.loop ? { loop: { ...inputs.loop, kernel2: xs[2] as tf.Tensor2D, bias2: xs[3] as tf.Tensor1D } } : {}),
    });
    const output = recurrence(inputs);
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(recurrence(rebuild(xs)), probe)))(differentiable);
    return [output, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

function expectAgreement(got: Float32Array[], want: Float32Array[]): void {
  expect(got.length).toBe(want.length);
  expect(maxAbsDiff(got[0]!, want[0]!), 'output').toBeLessThanOrEqual(FORWARD_TOLERANCE);
  for (let i = 1; i < want.length; i++) {
    expect(maxAbs(want[i]!), `gradient ${i} is all zeros`).toBeGreaterThan(0);
    expect(maxAbsDiff(got[i]!, want[i]!) / maxAbs(want[i]!), `gradient ${i}`).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
  }
}

const CELLS: { cell: RecurrentCell; activation?: 'tanh' | 'relu' }[] = [
  { cell: 'simple' },
  { cell: 'simple', activation: 'relu' },
  { cell: 'lstm' },
  { cell: 'gru' },
  { cell: 'loop' },
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`kernelRecurrence on the ${backend} backend`, () => {
    let kernelRecurrence: Recurrence;
    beforeAll(async () => {
      await initBackend(backend);
      const loaded = loadKernelRecurrence();
      expect(loaded).toBeDefined();
      kernelRecurrence = loaded!;
    });

    for (const variant of CELLS) {
      const name = `${variant.cell}${variant.activation ? ` (${variant.activation})` : ''}`;
      for (const extras of [{}, { padding: true, dropout: true }]) {
        const label = Object.keys(extras).length ? 'with padding and dropout masks' : 'plain';
        it(`${name}, ${label}: output and gradients equal tf.grad of autodiffed tfjs ops`, () => {
          const { inputs, probe } = tensorInputs({ ...variant, steps: 9, batch: 6, units: 7, seed: 11, ...extras });
          expectAgreement(run(kernelRecurrence, inputs, probe), run(autodiffRecurrence, inputs, probe));
        });
      }
      it(`${name}: agrees with the layer's opsRecurrence, padding and dropout included`, () => {
        const { inputs, probe } = tensorInputs({ ...variant, steps: 12, batch: 8, units: 16, seed: 5, padding: true, dropout: true });
        expectAgreement(run(kernelRecurrence, inputs, probe), run(opsRecurrence, inputs, probe));
      });
    }

    // The tensor path reads the backend's heap and writes results straight into tensors; it must
    // give exactly what the kernel gives on plain arrays (its copying API), not merely close.
    for (const variant of CELLS) {
      it(`${variant.cell}${variant.activation ? ` (${variant.activation})` : ''}: bit-for-bit the kernel's own results on plain arrays`, () => {
        const options: ProblemOptions = { ...variant, steps: 10, batch: 5, units: 6, seed: 3, padding: true, dropout: true };
        const { problem, arrays, dOutput } = randomRecurrence(options);
        const kernel = loadRnnKernel();
        const forward = kernel.forward(problem, arrays);
        const grads = kernel.backward(problem, arrays, forward, dOutput);
        const want = [forward.output, grads.xProj, grads.recurrentKernel, ...(grads.kernel2 && grads.bias2 ? [grads.kernel2, grads.bias2] : [])];
        const { inputs, probe } = tensorInputs(options);
        const got = run(kernelRecurrence, inputs, probe);
        expect(got.map((a) => Array.from(a))).toEqual(want.map((a) => Array.from(a)));
      });
    }

    it('holds its memory steady over many forward and backward passes (no growth, no leaked tensors)', () => {
      const { inputs, probe } = tensorInputs({ cell: 'lstm', steps: 20, batch: 8, units: 16, padding: true, dropout: true });
      const kernel = loadRnnKernel();
      const first = run(kernelRecurrence, inputs, probe);
      const before = { tensors: tf.memory().numTensors, bytes: tf.memory().numBytes, kernelBytes: kernel.memoryBytes };
      let last = first;
      for (let i = 0; i < 60; i++) last = run(kernelRecurrence, inputs, probe);
      expect({ tensors: tf.memory().numTensors, bytes: tf.memory().numBytes, kernelBytes: kernel.memoryBytes }).toEqual(before);
      expect(last.map((a) => Array.from(a))).toEqual(first.map((a) => Array.from(a)));
    });

    it('keeps no tensors of its own after a forward and backward pass', () => {
      const { inputs, probe } = tensorInputs({ cell: 'lstm', steps: 5, batch: 3, units: 4 });
      const count = tf.memory().numTensors;
      run(kernelRecurrence, inputs, probe);
      expect(tf.memory().numTensors).toBe(count);
    });

    it('refuses shapes that do not fit CONTRACT.md, saying which', () => {
      const { inputs } = tensorInputs({ cell: 'lstm', steps: 3, batch: 2, units: 4 });
      expect(() => kernelRecurrence({ ...inputs, cell: 'gru' })).toThrow(ConfigError);
      expect(() => kernelRecurrence({ ...inputs, cell: 'gru' })).toThrow(/must both end in 3·H with H = 4/);
      expect(() => kernelRecurrence({ ...inputs, xProj: tf.zeros([3, 16]) as unknown as tf.Tensor3D })).toThrow(
        /xProj must be \[T, B, G·H\], got shape \[3, 16\]/,
      );
      expect(() => kernelRecurrence({ ...inputs, mask: tf.ones([2, 2]) })).toThrow(/mask has 4 values, expected \[T, B\] = \[3, 2\] = 6/);
      expect(() => kernelRecurrence({ ...inputs, xProj: tf.cast<tf.Tensor3D>(inputs.xProj, 'int32') })).toThrow(/xProj must be float32, got int32/);
    });
  });
}
