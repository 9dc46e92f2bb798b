import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { buildClassifier } from '../models/build-classifier.js';
import { ConfigError } from '../errors.js';
import { smallSpam, withoutTiming } from '../test-support/fixtures.js';
import type { PreparedText } from './prepare-data.js';
import { OPTIMIZER_NAMES, type TrainingStrategy } from './strategy.js';
import { train } from './train.js';
import type { TrainingCheckpoint } from './checkpoint.js';

let spam: PreparedText;

function model(units = 8) {
  return buildClassifier({
    input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: 24, embeddingDim: 8 },
    output: { kind: 'classification', classes: 2 },
    cell: 'lstm',
    units,
    dropout: 0.2,
    seed: 7,
  });
}

function strategy(name: (typeof OPTIMIZER_NAMES)[number]): TrainingStrategy {
  return {
    optimizer: { name, lr: name === 'adadelta' ? 1 : 0.01, weightDecay: 1e-3 },
    schedule: { type: 'cosine' },
    clip: { type: 'global_norm', maxNorm: 5 },
    batchSize: 32,
    epochs: 3,
    seed: 1,
  };
}

/** Trains, keeping every epoch's checkpoint. */
async function trainKeeping(s: TrainingStrategy, resume?: TrainingCheckpoint) {
  const m = model();
  const checkpoints: TrainingCheckpoint[] = [];
  try {
    const result = await train(m, spam.data, s, {
      ...(resume ? { resume } : {}),
      onEpoch: async (_metrics, end) => {
        checkpoints.push(await end.checkpoint());
      },
    });
    return { result, checkpoints };
  } finally {
    m.dispose();
  }
}

describe('training checkpoints', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    spam = await smallSpam(200, 24);
  });

  for (const name of OPTIMIZER_NAMES) {
    it(`${name}: resuming after epoch 1 continues bit for bit, and leaves no tensor behind`, async () => {
      const whole = await trainKeeping(strategy(name));
      const before = tf.memory().numTensors;
      const resumed = await trainKeeping(strategy(name), structuredClone(whole.checkpoints[0]!));
      expect(tf.memory().numTensors).toBe(before);
      expect(withoutTiming(resumed.result.history)).toEqual(withoutTiming(whole.result.history));
      const last = resumed.checkpoints.at(-1)!;
      const expected = whole.checkpoints.at(-1)!;
      expect(last.weights.map((w) => w.values)).toEqual(expected.weights.map((w) => w.values));
      expect(last.optimizer).toEqual(expected.optimizer);
      expect(Object.keys(last.optimizer.slots).length).toBe(
        name === 'sgd' ? 0 : name === 'rmsprop' ? 3 : name.startsWith('adam') || name === 'adadelta' ? 2 : 1,
      );
    });
  }

  it('refuses weights of another shape, naming them, before touching the model', async () => {
    const { checkpoints } = await trainKeeping({ ...strategy('adam'), epochs: 1 });
    const wider = model(16);
    try {
      await expect(train(wider, spam.data, strategy('adam'), { resume: checkpoints[0]! })).rejects.toThrow(ConfigError);
      await expect(train(wider, spam.data, strategy('adam'), { resume: checkpoints[0]! })).rejects.toThrow(
        /weight 1 \(.*\) is \[8, 32\] in the checkpoint, \[8, 64\] in the model/,
      );
    } finally {
      wider.dispose();
    }
  });
});
