import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../backends/init-backend.js';
import { createRandom } from '../../random.js';
import { LoopRNN } from '../loop-cell.js';
import { FastRNN } from './fast-rnn-layer.js';
import { selectRecurrence, type RecurrenceName } from './select-recurrence.js';
import type { RecurrentCell } from './recurrence.js';

// Tolerances from CONTRACT.md: forward ≤ 1e-5 absolute; gradients ≤ 1e-4 of the largest |grad|.
const FORWARD_TOLERANCE = 1e-5;
const GRADIENT_TOLERANCE = 1e-4;
const VOCAB = 12;
const EMBED = 5;
const UNITS = 6;
const STEPS = 7;

type Variant = { cell: RecurrentCell; activation?: 'tanh' | 'relu' };
const VARIANTS: Variant[] = [{ cell: 'simple' }, { cell: 'simple', activation: 'relu' }, { cell: 'lstm' }, { cell: 'gru' }, { cell: 'loop' }];

function referenceLayer(v: Variant, returnSequences: boolean, goBackwards = false): tfl.layers.Layer {
  const common = { units: UNITS, returnSequences, goBackwards, name: 'rnn' };
  // zeros: tfjs's orthogonal initializer fails here; seededWeights overwrites every weight anyway.
  const zeros = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros', biasInitializer: 'zeros' } as const;
  switch (v.cell) {
    case 'simple':
      return tfl.layers.simpleRNN({ ...common, ...zeros, activation: v.activation ?? 'tanh' });
    case 'lstm':
      return tfl.layers.lstm({ ...common, ...zeros, recurrentActivation: 'sigmoid' });
    case 'gru':
      return tfl.layers.gru({ ...common, ...zeros, recurrentActivation: 'sigmoid' });
    case 'loop':
      return new LoopRNN(common);
  }
}

/** Embedding(maskZero) → recurrent layer (optionally bidirectional) → outputs. */
function model(layer: tfl.layers.Layer, bidirectional: boolean): tfl.LayersModel {
  const input = tfl.input({ shape: [STEPS], dtype: 'int32' });
  const embedded = tfl.layers.embedding({ inputDim: VOCAB, outputDim: EMBED, maskZero: true }).apply(input);
  const wrapped = bidirectional ? tfl.layers.bidirectional({ layer: layer as never, mergeMode: 'concat' }) : layer;
  return tfl.model({ inputs: input, outputs: wrapped.apply(embedded) as tfl.SymbolicTensor });
}

function seededWeights(target: tfl.LayersModel, seed: number): void {
  const random = createRandom(seed);
  target.setWeights(
    target.getWeights().map((w) =>
      tf.tensor(
        Float32Array.from({ length: w.size }, () => random() - 0.5),
        w.shape,
      ),
    ),
  );
}

/** Output and gradients of Σ output∘probe w.r.t. every weight, in weight order (async reads: webgpu). */
async function outputAndGradients(target: tfl.LayersModel, tokens: tf.Tensor, probeSeed: number): Promise<{ output: number[]; grads: number[][] }> {
  const tensors = tf.tidy(() => {
    const variables = target.trainableWeights.map((w) => w.read() as tf.Variable);
    let output: tf.Tensor | undefined;
    const { grads } = tf.variableGrads(() => {
      output = tf.keep(target.apply(tokens) as tf.Tensor);
      const random = createRandom(probeSeed);
      const probe = tf.tensor(
        Float32Array.from({ length: output.size }, () => random() - 0.5),
        output.shape,
      );
      return tf.sum<tf.Scalar>(tf.mul(output, probe));
    }, variables);
    return [output!, ...variables.map((v) => grads[v.name] as tf.Tensor)];
  });
  const [output, ...grads] = await Promise.all(tensors.map(async (t) => Array.from(await t.data())));
  tf.dispose(tensors);
  return { output: output!, grads };
}

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);
}

async function compare(v: Variant, options: { returnSequences: boolean; bidirectional: boolean; tokens: number[][] }): Promise<void> {
  const fast = model(new FastRNN({ ...v, units: UNITS, returnSequences: options.returnSequences, name: 'rnn' }), options.bidirectional);
  const reference = model(referenceLayer(v, options.returnSequences), options.bidirectional);
  seededWeights(reference, 7);
  fast.setWeights(reference.getWeights());
  const tokens = tf.tensor2d(options.tokens, undefined, 'int32');
  const a = await outputAndGradients(fast, tokens, 3);
  const b = await outputAndGradients(reference, tokens, 3);
  expect(maxAbsDiff(a.output, b.output)).toBeLessThanOrEqual(FORWARD_TOLERANCE);
  const scale = Math.max(...b.grads.flat().map(Math.abs));
  expect(scale).toBeGreaterThan(0);
  b.grads.forEach((g, i) => expect(maxAbsDiff(a.grads[i] as number[], g) / scale).toBeLessThanOrEqual(GRADIENT_TOLERANCE));
  tokens.dispose();
  fast.dispose();
  reference.dispose();
}

const FULL = [
  [3, 4, 5, 6, 7, 8, 9],
  [11, 10, 2, 3, 1, 5, 4],
  [1, 2, 3, 4, 5, 6, 7],
];
// Padding in front (as the data pipeline pads), at the end, in the middle and everywhere.
const PADDED = [
  [0, 0, 0, 4, 5, 6, 7],
  [3, 4, 5, 0, 0, 0, 0],
  [0, 9, 0, 2, 0, 8, 1],
  [0, 0, 0, 0, 0, 0, 0],
];

// Both implementations of the recurrence behind the layer: the WebAssembly kernel (wasm, cpu) and
// the tfjs ops (every backend), the latter forced as the diagnostic switch does.
describe.each<RecurrenceName>(['kernel', 'ops'])('FastRNN (%s recurrence) against the tfjs-layers layers on the same weights', (implementation) => {
  beforeAll(async () => {
    await initBackend('wasm');
    if (implementation === 'ops') process.env['LOOPSWEEP_RECURRENCE'] = 'ops';
    else delete process.env['LOOPSWEEP_RECURRENCE'];
  });
  afterAll(() => {
    delete process.env['LOOPSWEEP_RECURRENCE'];
  });

  it(`runs the ${implementation} recurrence on wasm and cpu`, async () => {
    expect(selectRecurrence().name).toBe(implementation);
    await initBackend('cpu');
    try {
      expect(selectRecurrence().name).toBe(implementation);
    } finally {
      await initBackend('wasm');
    }
  });

  for (const v of VARIANTS) {
    const label = `${v.cell}${v.activation ? `/${v.activation}` : ''}`;
    it(`${label}: outputs and gradients, all steps and last step, no padding`, async () => {
      await compare(v, { returnSequences: true, bidirectional: false, tokens: FULL });
      await compare(v, { returnSequences: false, bidirectional: false, tokens: FULL });
    });
    it(`${label}: masked padding`, async () => {
      await compare(v, { returnSequences: true, bidirectional: false, tokens: PADDED });
      await compare(v, { returnSequences: false, bidirectional: false, tokens: PADDED });
    });
    it(`${label}: bidirectional with padding`, async () => {
      await compare(v, { returnSequences: true, bidirectional: true, tokens: PADDED });
      await compare(v, { returnSequences: false, bidirectional: true, tokens: PADDED });
    });
  }

  it('runs the same on the cpu backend', async () => {
    await initBackend('cpu');
    try {
      await compare({ cell: 'lstm' }, { returnSequences: true, bidirectional: false, tokens: PADDED });
      await compare({ cell: 'gru' }, { returnSequences: false, bidirectional: true, tokens: PADDED });
    } finally {
      await initBackend('wasm');
    }
  });
});

describe('FastRNN input checks', () => {
  it('names what is wrong with its arguments and its input', async () => {
    await initBackend('wasm');
    expect(() => new FastRNN({ cell: 'rnn' as never, units: 4 })).toThrow("FastRNN cell must be one of simple, lstm, gru, loop, got 'rnn'");
    expect(() => new FastRNN({ cell: 'lstm', units: 0 })).toThrow('FastRNN units must be a positive integer, got 0');
    expect(() => new FastRNN({ cell: 'gru', units: 4, recurrentDropout: 1 })).toThrow('FastRNN recurrentDropout must be in [0, 1), got 1');
    expect(() => new FastRNN({ cell: 'loop', units: 4, recurrentDropout: 0.2 })).toThrow(/loop cell has no recurrentDropout/);
    const layer = new FastRNN({ cell: 'simple', units: 3, name: 'flat' });
    layer.build([null, 4, 2]);
    expect(() => layer.call(tf.ones([4, 2]), {})).toThrow("FastRNN 'flat' expects [batch, time, features], got shape [4, 2]");
  });
});

describe('FastRNN on webgpu', () => {
  it('runs the tfjs-ops recurrence there and matches tfjs-layers', async (context) => {
    try {
      await initBackend('webgpu');
    } catch (error) {
      context.skip(`webgpu unavailable here: ${(error as Error).message}`);
      return;
    }
    try {
      expect(selectRecurrence()).toMatchObject({ name: 'ops', reason: "backend 'webgpu' has no synchronous reads for the kernel" });
      await compare({ cell: 'lstm' }, { returnSequences: true, bidirectional: false, tokens: PADDED });
      await compare({ cell: 'gru' }, { returnSequences: false, bidirectional: true, tokens: PADDED });
      await compare({ cell: 'loop' }, { returnSequences: false, bidirectional: false, tokens: PADDED });
    } finally {
      await initBackend('wasm');
    }
  });
});
