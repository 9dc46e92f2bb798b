import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { ConfigError } from '../errors.js';
import { buildClassifier } from '../models/build-classifier.js';
import { smallAdding, smallSpam, withoutTiming } from '../test-support/fixtures.js';
import type { TrainingCheckpoint } from './checkpoint.js';
import type { PreparedText } from './prepare-data.js';
import type { TrainingStrategy } from './strategy.js';
import { train } from './train.js';

let spam: PreparedText;

function model() {
  return buildClassifier({
    input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: 24, embeddingDim: 8 },
    output: { kind: 'classification', classes: 2 },
    cell: 'simple',
    units: 8,
    seed: 7,
  });
}

const lazy: TrainingStrategy = {
  optimizer: { name: 'adamw', lr: 0.01, weightDecay: 0.01 },
  schedule: { type: 'cosine' },
  clip: { type: 'global_norm', maxNorm: 5 },
  batchSize: 32,
  epochs: 3,
  seed: 1,
  embeddingUpdate: 'lazy',
};

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
    const embedding = Array.from(m.getWeights()[0]!.dataSync());
    return { result, checkpoints, embedding };
  } finally {
    m.dispose();
  }
}

describe("embeddingUpdate 'lazy'", () => {
  beforeAll(async () => {
    await initBackend('wasm');
    spam = await smallSpam(200, 24);
  });

  it('trains otherwise than dense, and resumes from a checkpoint bit for bit', async () => {
    const dense = await trainKeeping({ ...lazy, embeddingUpdate: 'dense' });
    const whole = await trainKeeping(lazy);
    expect(whole.result.history.map((h) => h.loss)).not.toEqual(dense.result.history.map((h) => h.loss));
    const before = tf.memory().numTensors;
    const resumed = await trainKeeping(lazy, structuredClone(whole.checkpoints[0]!));
    expect(tf.memory().numTensors).toBe(before);
    expect(withoutTiming(resumed.result.history)).toEqual(withoutTiming(whole.result.history));
    expect(resumed.embedding).toEqual(whole.embedding);
    expect(resumed.checkpoints.at(-1)!.optimizer).toEqual(whole.checkpoints.at(-1)!.optimizer);
  });

  it('is refused on the op-by-op step, saying why', async () => {
    process.env['LOOPSWEEP_OPTIMIZER_STEP'] = 'ops';
    const m = model();
    try {
      const before = tf.memory().numTensors;
      await expect(train(m, spam.data, lazy)).rejects.toThrow(
        "embeddingUpdate 'lazy' needs the fused optimizer step, on the wasm or cpu backend; the wasm backend with LOOPSWEEP_OPTIMIZER_STEP=ops updates op by op (use 'dense' there)",
      );
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      delete process.env['LOOPSWEEP_OPTIMIZER_STEP'];
      m.dispose();
    }
  });

  it('is refused for adamax and adadelta, and for data without tokens', async () => {
    const m = model();
    try {
      await expect(train(m, spam.data, { ...lazy, optimizer: { name: 'adamax', lr: 0.01 } })).rejects.toThrow(
        "embeddingUpdate 'lazy' is defined for sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad; adamax updates every row (use 'dense')",
      );
    } finally {
      m.dispose();
    }
    const adding = smallAdding();
    const sequenceModel = buildClassifier({
      input: { kind: 'sequence', timesteps: 12, features: 2 },
      output: { kind: 'regression' },
      cell: 'simple',
      units: 4,
      seed: 1,
    });
    try {
      const error = await train(sequenceModel, adding.data, lazy).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch("embeddingUpdate 'lazy' applies to token sequences (text datasets)");
    } finally {
      sequenceModel.dispose();
    }
  });
});
