import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { buildClassifier, countParameters } from './build-classifier.js';
import type { ClassifierConfig } from './classifier-config.js';
import { ConfigError } from '../errors.js';

const tokens = { kind: 'tokens', vocabSize: 50, maxLen: 6, embeddingDim: 4 } as const;
const binary = { kind: 'classification', classes: 2 } as const;

function config(overrides: Partial<ClassifierConfig>): ClassifierConfig {
  return { input: tokens, output: binary, cell: 'lstm', units: 5, seed: 11, ...overrides };
}

function weightsOf(model: ReturnType<typeof buildClassifier>): Record<string, number[]> {
  return Object.fromEntries(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));
}

describe('buildClassifier', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('builds every cell with stacking, bidirectional, layer norm, dropout and every pooling', () => {
    for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
      for (const pooling of ['last', 'mean', 'max'] as const) {
        const model = buildClassifier(config({ cell, pooling, layers: 2, bidirectional: true, layerNorm: true, dropout: 0.2 }));
        const out = tf.tidy(
          () =>
            model.predict(
              tf.tensor2d(
                [
                  [0, 0, 3, 4, 5, 6],
                  [0, 0, 0, 0, 0, 7],
                ],
                [2, 6],
                'int32',
              ),
            ) as tf.Tensor,
        );
        expect(out.shape).toEqual([2, 2]);
        expect(Array.from(out.dataSync()).every(Number.isFinite)).toBe(true);
        out.dispose();
        model.dispose();
      }
    }
  });

  it('takes raw sequences for regression', () => {
    const model = buildClassifier(config({ input: { kind: 'sequence', timesteps: 7, features: 2 }, output: { kind: 'regression' }, cell: 'gru' }));
    expect(model.outputs[0]!.shape).toEqual([null, 1]);
    model.dispose();
  });

  it('initializes from the seed: same seed, same weights; LSTM forget-gate bias 1', () => {
    const a = buildClassifier(config({}));
    const b = buildClassifier(config({}));
    const c = buildClassifier(config({ seed: 12 }));
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)['rnn_1/kernel']).not.toEqual(weightsOf(c)['rnn_1/kernel']);
    const bias = weightsOf(a)['rnn_1/bias']!;
    expect(bias.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(bias.slice(5, 10)).toEqual([1, 1, 1, 1, 1]);
    expect(bias.slice(10)).toEqual(new Array(10).fill(0));
    const noForgetBias = buildClassifier(config({ init: { forgetBias: false } }));
    expect(weightsOf(noForgetBias)['rnn_1/bias']!.every((v) => v === 0)).toBe(true);
    [a, b, c, noForgetBias].forEach((m) => m.dispose());
  });

  it('uses the identity recurrent init for an IRNN', () => {
    const model = buildClassifier(config({ cell: 'simple', activation: 'relu', init: { recurrent: 'identity' } }));
    const recurrent = weightsOf(model)['rnn_1/recurrent_kernel']!;
    expect(recurrent).toEqual(Array.from({ length: 25 }, (_, k) => (Math.floor(k / 5) === k % 5 ? 1 : 0)));
    model.dispose();
  });

  it('counts parameters as the layer shapes say', () => {
    const model = buildClassifier(config({}));
    // embedding 50·4, LSTM 4·20 + 5·20 + 20, head 5·2 + 2
    expect(countParameters(model)).toBe(200 + 80 + 100 + 20 + 12);
    model.dispose();
  });

  it('counts parameters by hand for each cell and both implementations: the sum of the trainable variables', () => {
    // units u = 5 on embeddings of width d = 4 (vocab 50), head u·2 + 2.
    const [u, d] = [5, 4];
    const embedding = 50 * d;
    const head = u * 2 + 2;
    const recurrent = { simple: d * u + u * u + u, lstm: 4 * (d * u + u * u + u), gru: 3 * (d * u + u * u + u), loop: (d + u) * u + u + u * u + u };
    for (const rnnImplementation of ['fast', 'tfjs-layers'] as const) {
      for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
        const model = buildClassifier(config({ cell, rnnImplementation }));
        const variableSizes = model.trainableWeights.reduce((sum, w) => sum + w.read().size, 0);
        expect([cell, rnnImplementation, countParameters(model)]).toEqual([cell, rnnImplementation, embedding + recurrent[cell] + head]);
        expect(countParameters(model)).toBe(variableSizes);
        model.dispose();
      }
    }
    // Two bidirectional GRU layers with layer norm: the second reads 2u wide, the head too.
    const gru2 = (input: number) => 3 * (input * u + u * u + u);
    const stacked = buildClassifier(config({ cell: 'gru', layers: 2, bidirectional: true, layerNorm: true }));
    expect(countParameters(stacked)).toBe(embedding + 2 * gru2(d) + 2 * 2 * u + 2 * gru2(2 * u) + 2 * 2 * u + (2 * u * 2 + 2));
    expect(countParameters(stacked)).toBe(stacked.trainableWeights.reduce((sum, w) => sum + w.read().size, 0));
    stacked.dispose();
  });

  it('masks padding: a pre-padded text classifies the same however much padding it has', () => {
    const long = buildClassifier({ ...config({ cell: 'gru', pooling: 'mean' }), input: { ...tokens, maxLen: 9 } });
    const short = buildClassifier(config({ cell: 'gru', pooling: 'mean' }));
    short.setWeights(long.getWeights());
    const a = tf.tidy(() => Array.from((long.predict(tf.tensor2d([[0, 0, 0, 0, 0, 0, 3, 4, 5]], [1, 9], 'int32')) as tf.Tensor).dataSync()));
    const b = tf.tidy(() => Array.from((short.predict(tf.tensor2d([[0, 0, 0, 3, 4, 5]], [1, 6], 'int32')) as tf.Tensor).dataSync()));
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
    long.dispose();
    short.dispose();
  });

  it('reports every invalid field at once', () => {
    const bad = {
      ...config({ cell: 'loop', units: 0, layers: 4, recurrentDropout: 0.2, pooling: 'median' as never }),
      output: { kind: 'classification', classes: 1 },
    } as ClassifierConfig;
    expect(() => buildClassifier(bad)).toThrow(ConfigError);
    try {
      buildClassifier(bad);
    } catch (error) {
      const message = (error as Error).message;
      for (const part of [
        'units must be a positive integer, got 0',
        'layers must be 1, 2 or 3, got 4',
        'recurrentDropout is not supported by the loop cell',
        "pooling must be one of last, mean, max, got 'median'",
        'output.classes must be an integer ≥ 2, got 1',
      ]) {
        expect(message).toContain(part);
      }
    }
  });
});
