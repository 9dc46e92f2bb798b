import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backends/init-backend.js';
import { buildClassifier } from '../build-classifier.js';
import { KERNEL_INITS, RECURRENT_INITS, type ClassifierConfig } from '../classifier-config.js';
import { FastRNN } from './fast-rnn-layer.js';

function weightsOf(config: ClassifierConfig): Record<string, number[]> {
  const model = buildClassifier(config);
  const weights = Object.fromEntries(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));
  model.dispose();
  return weights;
}

describe('FastRNN in buildClassifier', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it("is the default; rnnImplementation 'tfjs-layers' brings back tfjs-layers' layers", () => {
    const base: ClassifierConfig = {
      input: { kind: 'tokens', vocabSize: 20, maxLen: 5 },
      output: { kind: 'classification', classes: 2 },
      cell: 'gru',
      units: 3,
      bidirectional: true,
      seed: 1,
    };
    const fast = buildClassifier(base);
    const old = buildClassifier({ ...base, rnnImplementation: 'tfjs-layers' });
    const recurrent = (m: typeof fast) => (m.getLayer('birnn_1') as unknown as { forwardLayer: unknown }).forwardLayer;
    expect(recurrent(fast)).toBeInstanceOf(FastRNN);
    expect(recurrent(old)).not.toBeInstanceOf(FastRNN);
    expect(recurrent(old)?.constructor.name).toBe('GRU');
    fast.dispose();
    old.dispose();
  });

  // Same names, shapes and seeded values as the tfjs-layers model, for every initializer: the
  // initializers (per gate block, forget bias) treat both layers alike.
  for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
    it(`${cell}: the same initial weights as tfjs-layers for every kernel and recurrent init`, () => {
      for (const kernel of KERNEL_INITS) {
        for (const recurrent of RECURRENT_INITS) {
          const config: ClassifierConfig = {
            input: { kind: 'tokens', vocabSize: 30, maxLen: 6, embeddingDim: 4 },
            output: { kind: 'classification', classes: 2 },
            cell,
            units: 5,
            layers: 2,
            bidirectional: true,
            layerNorm: true,
            init: { kernel, recurrent, forgetBias: true },
            seed: 9,
          };
          const fast = weightsOf(config);
          expect(fast).toEqual(weightsOf({ ...config, rnnImplementation: 'tfjs-layers' }));
          expect(Object.keys(fast)).toContain(cell === 'loop' ? 'birnn_2/forward_rnn_2/step1_kernel' : 'birnn_2/forward_rnn_2/recurrent_kernel');
        }
      }
    });
  }
});
