import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../backends/init-backend.js';
import { createRandom, type RandomSource } from '../../random.js';
import { opsRecurrence } from './ops-recurrence.js';
import { loadRnnKernel } from '../../kernels/load-rnn-kernel.js';
import { kernelRecurrence } from '../../kernels/kernel-recurrence.js';
import { GATE_COUNT, type Recurrence, type RecurrentCell } from './recurrence.js';

// CONTRACT.md: gradients vs central finite differences of a float64 reference ≤ 1e-3 relative.
const FD_TOLERANCE = 1e-3;
const T = 5;
const B = 3;
const H = 4;

interface Problem {
  cell: RecurrentCell;
  activation: 'tanh' | 'relu';
  xProj: Float64Array; // [T, B, G·H]
  kernel: Float64Array; // [H, G·H]
  kernel2: Float64Array; // [H, H]
  bias2: Float64Array; // [H]
  mask: Float64Array; // [T, B]
  drop: Float64Array | undefined; // [B, H]
  d1: Float64Array | undefined; // [T, B, H]
  d2: Float64Array | undefined;
  probe: Float64Array; // [T, B, H]
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const relu = (v: number) => Math.max(0, v);

/** The forward of CONTRACT.md in float64, one sequence and one unit at a time: outputs [T, B, H]. */
function reference(p: Problem): Float64Array {
  const g = GATE_COUNT[p.cell] * H;
  const out = new Float64Array(T * B * H);
  for (let b = 0; b < B; b++) {
    let h = new Float64Array(H);
    let c = new Float64Array(H);
    for (let t = 0; t < T; t++) {
      const x = (j: number) => p.xProj[(t * B + b) * g + j] as number;
      const hd = h.map((v, k) => v * (p.drop ? (p.drop[b * H + k] as number) : 1));
      const rec = (v: Float64Array, col: number, kernel = p.kernel, cols = g) => v.reduce((s, vk, k) => s + vk * (kernel[k * cols + col] as number), 0);
      let hn = new Float64Array(H);
      let cn = c;
      if (p.cell === 'simple') {
        hn = hn.map((_, j) => (p.activation === 'relu' ? relu : Math.tanh)(x(j) + rec(hd, j)));
      } else if (p.cell === 'lstm') {
        const z = Array.from({ length: g }, (_, j) => x(j) + rec(hd, j));
        cn = c.map((cj, j) => sigmoid(z[H + j]!) * cj + sigmoid(z[j]!) * Math.tanh(z[2 * H + j]!));
        hn = hn.map((_, j) => sigmoid(z[3 * H + j]!) * Math.tanh(cn[j]!));
      } else if (p.cell === 'gru') {
        const zg = Array.from({ length: H }, (_, j) => sigmoid(x(j) + rec(hd, j)));
        const rg = Float64Array.from({ length: H }, (_, j) => sigmoid(x(H + j) + rec(hd, H + j)));
        const q = hd.map((v, k) => v * (rg[k] as number));
        hn = hn.map((_, j) => {
          const cand = Math.tanh(x(2 * H + j) + rec(q, 2 * H + j));
          return zg[j]! * h[j]! + (1 - zg[j]!) * cand;
        });
      } else {
        const a = Float64Array.from({ length: H }, (_, j) => relu(Math.tanh(x(j) + rec(h, j))) * (p.d1 ? (p.d1[(t * B + b) * H + j] as number) : 1));
        hn = hn.map((_, j) => relu(Math.tanh(rec(a, j, p.kernel2, H) + (p.bias2[j] as number))) * (p.d2 ? (p.d2[(t * B + b) * H + j] as number) : 1));
      }
      if (p.mask[t * B + b] === 1) {
        h = hn;
        c = cn;
      }
      out.set(h, (t * B + b) * H);
    }
  }
  return out;
}

const loss = (p: Problem) => reference(p).reduce((s, v, i) => s + v * (p.probe[i] as number), 0);

function values(n: number, random: RandomSource, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => (random() * 2 - 1) * scale);
}

function dropMask(n: number, random: RandomSource, rate: number): Float64Array {
  return Float64Array.from({ length: n }, () => (random() < rate ? 0 : 1 / (1 - rate)));
}

function problem(cell: RecurrentCell, activation: 'tanh' | 'relu', seed: number, dropout: boolean): Problem {
  const random = createRandom(seed);
  const g = GATE_COUNT[cell] * H;
  // Padding in front of sequence 0, at the end of sequence 1, none in sequence 2.
  const mask = Float64Array.from({ length: T * B }, (_, i) => {
    const [t, b] = [Math.floor(i / B), i % B];
    return (b === 0 && t < 2) || (b === 1 && t >= 3) ? 0 : 1;
  });
  return {
    cell,
    activation,
    xProj: values(T * B * g, random),
    kernel: values(H * g, random, 0.8),
    kernel2: values(H * H, random, 0.8),
    bias2: values(H, random, 0.3),
    mask,
    drop: dropout && cell !== 'loop' ? dropMask(B * H, random, 0.3) : undefined,
    d1: dropout && cell === 'loop' ? dropMask(T * B * H, random, 0.3) : undefined,
    d2: dropout && cell === 'loop' ? dropMask(T * B * H, random, 0.3) : undefined,
    probe: values(T * B * H, random),
  };
}

type Differentiated = 'xProj' | 'kernel' | 'kernel2' | 'bias2';

/** Central finite differences of the float64 reference, h = 1e-6. */
function numericGradient(p: Problem, key: Differentiated): Float64Array {
  const target = p[key];
  return target.map((v, i) => {
    target[i] = v + 1e-6;
    const up = loss(p);
    target[i] = v - 1e-6;
    const down = loss(p);
    target[i] = v;
    return (up - down) / 2e-6;
  });
}

/** opsRecurrence's outputs and tf.grads in float32. */
function opsGradients(p: Problem): { output: Float32Array; grads: Record<Differentiated, Float32Array> } {
  const g = GATE_COUNT[p.cell] * H;
  return tf.tidy(() => {
    const f32 = (a: Float64Array, shape: number[]) => tf.tensor(Float32Array.from(a), shape);
    const mask = f32(p.mask, [T, B]) as tf.Tensor2D;
    const drop = p.drop ? (f32(p.drop, [B, H]) as tf.Tensor2D) : undefined;
    const drops = p.d1 && p.d2 ? ([f32(p.d1, [T, B, H]), f32(p.d2, [T, B, H])] as [tf.Tensor3D, tf.Tensor3D]) : undefined;
    const probe = f32(p.probe, [T, B, H]);
    const run = (xProj: tf.Tensor, kernel: tf.Tensor, kernel2: tf.Tensor, bias2: tf.Tensor) =>
      opsRecurrence({
        cell: p.cell,
        activation: p.activation,
        xProj: xProj as tf.Tensor3D,
        recurrentKernel: kernel as tf.Tensor2D,
        mask,
        ...(drop ? { recurrentDropoutMask: drop } : {}),
        ...(p.cell === 'loop' ? { loop: { kernel2: kernel2 as tf.Tensor2D, bias2: bias2 as tf.Tensor1D, ...(drops ? { dropoutMasks: drops } : {}) } } : {}),
      });
    const args = [f32(p.xProj, [T, B, g]), f32(p.kernel, [H, g]), f32(p.kernel2, [H, H]), f32(p.bias2, [H])];
    const output = run(...(args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor])).dataSync() as Float32Array;
    // Only the loop cell depends on kernel2 and bias2; tf.grads refuses an unused input.
    const used = p.cell === 'loop' ? args : args.slice(0, 2);
    const grads = tf.grads((...xs) => tf.sum(tf.mul(run(xs[0]!, xs[1]!, xs[2] ?? args[2]!, xs[3] ?? args[3]!), probe)))(used);
    const keys: Differentiated[] = ['xProj', 'kernel', 'kernel2', 'bias2'].slice(0, used.length) as Differentiated[];
    return { output, grads: Object.fromEntries(keys.map((k, i) => [k, grads[i]!.dataSync() as Float32Array])) as Record<Differentiated, Float32Array> };
  });
}

function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / scale;
}

const CASES: [RecurrentCell, 'tanh' | 'relu'][] = [
  ['simple', 'tanh'],
  ['simple', 'relu'],
  ['lstm', 'tanh'],
  ['gru', 'tanh'],
  ['loop', 'tanh'],
];

describe('opsRecurrence against a float64 reference', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  for (const [cell, activation] of CASES) {
    for (const dropout of [false, true]) {
      it(`${cell}${cell === 'simple' ? `/${activation}` : ''}${dropout ? ' with dropout masks' : ''}: outputs, and gradients vs central differences (masked)`, () => {
        const p = problem(cell, activation, 17, dropout);
        const { output, grads } = opsGradients(p);
        expect(relativeError(output, reference(p))).toBeLessThan(1e-5);
        const keys: Differentiated[] = cell === 'loop' ? ['xProj', 'kernel', 'kernel2', 'bias2'] : ['xProj', 'kernel'];
        for (const key of keys) {
          const numeric = numericGradient(p, key);
          expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(0);
          expect(relativeError(grads[key], numeric), key).toBeLessThan(FD_TOLERANCE);
        }
      });
    }
  }

  it('frees every tensor it makes, forward and backward', () => {
    const p = problem('lstm', 'tanh', 3, true);
    opsGradients(p); // warm-up: tfjs makes a few lasting tensors on first use of some ops
    const before = tf.memory().numTensors;
    opsGradients(p);
    opsGradients(problem('gru', 'tanh', 4, true));
    opsGradients(problem('loop', 'tanh', 5, true));
    opsGradients(problem('simple', 'relu', 6, true));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs on the cpu backend with the same results', async () => {
    const p = problem('gru', 'tanh', 9, true);
    const onWasm = opsGradients(p);
    await initBackend('cpu');
    try {
      const onCpu = opsGradients(p);
      expect(relativeError(onCpu.output, onWasm.output)).toBeLessThan(1e-5);
      expect(relativeError(onCpu.grads.kernel, onWasm.grads.kernel)).toBeLessThan(1e-4);
    } finally {
      await initBackend('wasm');
    }
  });
});

const SMALLEST_NORMAL = 2 ** -126;
const subnormalShare = (values: Float32Array) => values.reduce((n, v) => n + (v !== 0 && Math.abs(v) < SMALLEST_NORMAL ? 1 : 0), 0) / values.length;

describe('opsRecurrence subnormal flushing', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  // Gradients entering at the last of 150 steps decay into subnormals on the way back. The flush
  // (time-steps.ts) zeroes them; the result must still match an unflushed run (the kernel with
  // flushing off) to the CONTRACT.md gradient tolerance, 1e-4 of the largest gradient.
  for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
    it(`${cell}: no subnormal gradients, and the same gradients as an unflushed run`, () => {
      const steps = 150;
      const [batch, units] = [4, 8];
      const width = GATE_COUNT[cell] * units;
      const random = createRandom(1);
      const f32 = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
      const unflushed: Recurrence = (inputs) => kernelRecurrence(loadRnnKernel(), inputs, { flushSubnormals: false });
      const values = {
        xProj: f32(steps * batch * width, 1),
        kernel: f32(units * width, 0.5 / Math.sqrt(units)),
        kernel2: f32(units * units, 0.5 / Math.sqrt(units)),
        bias2: f32(units, 0.1),
      };
      const gradients = (recurrence: Recurrence) =>
        tf.tidy(() => {
          const xProj = tf.tensor3d(values.xProj, [steps, batch, width]);
          const kernel = tf.tensor2d(values.kernel, [units, width]);
          const kernel2 = tf.tensor2d(values.kernel2, [units, units]);
          const bias2 = tf.tensor1d(values.bias2);
          const lastOnly = tf.concat([tf.zeros([steps - 1, batch, units]), tf.ones([1, batch, units])]);
          const run = (x: tf.Tensor, k: tf.Tensor) =>
            recurrence({
              cell,
              activation: 'tanh',
              xProj: x as tf.Tensor3D,
              recurrentKernel: k as tf.Tensor2D,
              ...(cell === 'loop' ? { loop: { kernel2, bias2 } } : {}),
            });
          return tf
            .grads((x, k) => tf.sum(tf.mul(run(x, k), lastOnly)))([xProj, kernel])
            .map((g) => g.dataSync() as Float32Array);
        });
      const [dxOps, dkOps] = gradients(opsRecurrence);
      const [dxRaw, dkRaw] = gradients(unflushed);
      expect(subnormalShare(dxRaw!), 'the unflushed run must hold subnormals, or this test proves nothing').toBeGreaterThan(0.005);
      expect(subnormalShare(dxOps!)).toBe(0);
      expect(subnormalShare(dkOps!)).toBe(0);
      expect(relativeError(dxOps!, dxRaw!)).toBeLessThan(1e-4);
      expect(relativeError(dkOps!, dkRaw!)).toBeLessThan(1e-4);
    });
  }
});
