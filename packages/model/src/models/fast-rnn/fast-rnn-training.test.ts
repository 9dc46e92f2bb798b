import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../backends/init-backend.js';
import { buildClassifier } from '../build-classifier.js';
import type { ClassifierConfig } from '../classifier-config.js';
import { train } from '../../training/train.js';
import type { TrainingStrategy } from '../../training/strategy.js';
import { loadModel, saveModel } from '../../io/model-directory.js';
import { smallSpam, withoutTiming } from '../../test-support/fixtures.js';
import type { PreparedText } from '../../training/prepare-data.js';

// Training the same weights with the fast and the tfjs-layers layers: float32 summation order
// differs, so the curves may drift apart slowly; over 3 epochs of ~8 steps each they must agree to
// 1e-4 in train and validation loss (seen here: ≤ 1e-6), far below the epoch-to-epoch changes
// (≥ 0.02).
const CURVE_TOLERANCE = 1e-4;
const MAX_LEN = 32;
let spam: PreparedText;

const strategy: TrainingStrategy = {
  optimizer: { name: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  clip: { type: 'none' },
  batchSize: 32,
  epochs: 3,
  seed: 4,
};

function config(overrides: Partial<ClassifierConfig>): ClassifierConfig {
  return {
    input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: MAX_LEN, embeddingDim: 8 },
    output: { kind: 'classification', classes: 2 },
    cell: 'lstm',
    units: 8,
    seed: 5,
    ...overrides,
  };
}

async function history(c: ClassifierConfig, s: TrainingStrategy = strategy) {
  const model = buildClassifier(c);
  try {
    return withoutTiming((await train(model, spam.data, s)).history);
  } finally {
    model.dispose();
  }
}

describe('FastRNN in training', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    spam = await smallSpam(300, MAX_LEN);
  });

  for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
    it(`${cell}: the learning curve matches the tfjs-layers layer's within ${CURVE_TOLERANCE}`, async () => {
      const fast = await history(config({ cell, rnnImplementation: 'fast' }));
      const reference = await history(config({ cell, rnnImplementation: 'tfjs-layers' }));
      expect(fast).toHaveLength(3);
      expect(Math.abs(fast[0]!.loss - fast[2]!.loss)).toBeGreaterThan(10 * CURVE_TOLERANCE);
      fast.forEach((epoch, i) => {
        expect(Math.abs(epoch.loss - reference[i]!.loss)).toBeLessThanOrEqual(CURVE_TOLERANCE);
        expect(Math.abs(epoch.val_loss - reference[i]!.val_loss)).toBeLessThanOrEqual(CURVE_TOLERANCE);
      });
    });
  }

  it('draws recurrent and loop dropout from the seed: same seed, same curve; another seed, another', async () => {
    for (const overrides of [
      { cell: 'lstm', recurrentDropout: 0.3, bidirectional: true },
      { cell: 'loop', dropout: 0.3 },
    ] as const) {
      const a = await history(config(overrides));
      const b = await history(config(overrides));
      const otherSeed = await history(config(overrides), { ...strategy, seed: 5 });
      const noDropout = await history(config({ ...overrides, recurrentDropout: 0, dropout: 0 }));
      expect(a).toEqual(b);
      expect(a).not.toEqual(otherSeed);
      expect(a[0]!.loss).not.toBe(noDropout[0]!.loss);
    }
  });

  it('leaves no tensor behind after training and disposal', async () => {
    const c = config({ cell: 'gru', recurrentDropout: 0.2, layers: 2, pooling: 'mean' });
    await history(c, { ...strategy, epochs: 1 }); // warm-up: tfjs caches a few tensors on first use
    const before = tf.memory().numTensors;
    await history(c, { ...strategy, epochs: 1 });
    await history(config({ cell: 'loop', dropout: 0.2, bidirectional: true }), { ...strategy, epochs: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves and loads a stacked bidirectional fast LSTM: same predictions', async () => {
    const c = config({ cell: 'lstm', layers: 2, bidirectional: true, recurrentDropout: 0.2, layerNorm: true, pooling: 'max' });
    const model = buildClassifier(c);
    await train(model, spam.data, { ...strategy, epochs: 1 });
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'loopsweep-fast-rnn-')), 'model');
    await saveModel(dir, model, { config: c });
    expect(await readFile(path.join(dir, 'model.json'), 'utf8')).toContain('"class_name":"FastRNN"');
    const loaded = await loadModel(dir);
    const x = tf.tensor2d(spam.data.validation.x.slice(0, 8 * MAX_LEN) as Int32Array, [8, MAX_LEN], 'int32');
    const original = tf.tidy(() => model.predict(x) as tf.Tensor);
    const restored = tf.tidy(() => loaded.model.predict(x) as tf.Tensor);
    expect(Array.from(restored.dataSync())).toEqual(Array.from(original.dataSync()));
    tf.dispose([x, original, restored]);
    model.dispose();
    loaded.model.dispose();
  });
});
