import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { buildClassifier } from '../models/build-classifier.js';
import type { CellType, ClassifierConfig } from '../models/classifier-config.js';
import { ConfigError, DivergedError, TrainingAbortedError } from '../errors.js';
import { smallAdding, smallSpam, withoutTiming } from '../test-support/fixtures.js';
import type { PreparedText } from './prepare-data.js';
import type { TrainingStrategy } from './strategy.js';
import { train } from './train.js';
import { keepLastTokens } from './batches.js';
import { balancedClassWeights } from './losses.js';

let spam: PreparedText;

function textModel(cell: CellType, extra: Partial<ClassifierConfig> = {}) {
  return buildClassifier({
    input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: 48, embeddingDim: 16 },
    output: { kind: 'classification', classes: 2 },
    cell,
    units: 16,
    seed: 7,
    ...extra,
  });
}

const adam: TrainingStrategy = {
  optimizer: { name: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  clip: { type: 'global_norm', maxNorm: 5 },
  batchSize: 32,
  epochs: 3,
  seed: 1,
};

describe('train', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    spam = await smallSpam();
  });

  for (const cell of ['simple', 'lstm', 'gru', 'loop'] as const) {
    it(`trains a ${cell} classifier on real emails: the loss falls`, async () => {
      const model = textModel(cell);
      const { history } = await train(model, spam.data, adam);
      model.dispose();
      expect(history).toHaveLength(3);
      expect(history[2]!.loss).toBeLessThan(history[0]!.loss * 0.9);
      let trainSeconds = 0;
      for (const epoch of history) {
        expect(epoch.val_accuracy).toBeGreaterThanOrEqual(0);
        expect(epoch.val_f1).toBeLessThanOrEqual(1);
        expect(epoch.grad_norm_max).toBeGreaterThanOrEqual(epoch.grad_norm_mean);
        expect(epoch.examples_per_second).toBeGreaterThan(0);
        expect(epoch.lr).toBe(0.01);
        // train_seconds: the running sum of the epochs' training time, so it grows every epoch.
        expect(epoch.epoch_seconds).toBeGreaterThan(0);
        expect(epoch.train_seconds).toBeGreaterThan(trainSeconds);
        trainSeconds += epoch.epoch_seconds;
        expect(epoch.train_seconds).toBeCloseTo(trainSeconds, 9);
        expect(epoch.inference_ms_per_example).toBeGreaterThan(0);
        expect(Number.isFinite(epoch.inference_ms_per_example)).toBe(true);
      }
    });
  }

  it('is deterministic: same seed, same backend → the same metrics bit for bit (dropout included)', async () => {
    const run = async (seed: number) => {
      const model = textModel('gru', { dropout: 0.3, recurrentDropout: 0.2 });
      const { history } = await train(model, spam.data, { ...adam, epochs: 2, seed });
      model.dispose();
      return withoutTiming(history);
    };
    const first = await run(1);
    expect(await run(1)).toEqual(first);
    expect(await run(2)).not.toEqual(first);
  });

  it('leaves no tensor behind, with recurrent dropout and class weights', async () => {
    const model = textModel('lstm', { recurrentDropout: 0.2, bidirectional: true });
    const before = tf.memory().numTensors;
    await train(model, spam.data, { ...adam, epochs: 1, classWeights: 'balanced', optimizer: { name: 'momentum', lr: 0.05 } });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('reports the learning rate each epoch as the schedule sets it', async () => {
    const model = textModel('simple');
    const { history } = await train(model, spam.data, { ...adam, epochs: 3, schedule: { type: 'step', stepEpochs: 1, gamma: 0.5 } });
    model.dispose();
    expect(history.map((h) => h.lr)).toEqual([0.01, 0.005, 0.0025]);
  });

  it('stops with DivergedError naming epoch and step when the loss becomes NaN/Inf', async () => {
    const adding = smallAdding();
    const model = buildClassifier({
      input: { kind: 'sequence', timesteps: 12, features: 2 },
      output: { kind: 'regression' },
      cell: 'simple',
      activation: 'relu',
      init: { recurrent: 'identity' },
      units: 16,
      seed: 1,
    });
    const error = await train(model, adding.data, { ...adam, optimizer: { name: 'sgd', lr: 1e6 }, clip: { type: 'none' } }).catch((e: unknown) => e);
    model.dispose();
    expect(error).toBeInstanceOf(DivergedError);
    const diverged = error as DivergedError;
    expect(diverged.epoch).toBe(1);
    expect(diverged.step).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(diverged.loss)).toBe(false);
    expect(diverged.message).toMatch(/training diverged: loss is (NaN|-?Infinity) at epoch 1, step \d+/);
  });

  it('honours the AbortSignal between batches', async () => {
    const controller = new AbortController();
    const model = textModel('gru');
    const seen: number[] = [];
    const error = await train(model, spam.data, adam, {
      signal: controller.signal,
      onEpoch: (metrics) => {
        seen.push(metrics.epoch);
        controller.abort('pruned at epoch 1');
      },
    }).catch((e: unknown) => e);
    model.dispose();
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(TrainingAbortedError);
    expect((error as TrainingAbortedError).epoch).toBe(2);
    expect((error as Error).message).toContain('pruned at epoch 1');
  });

  it('stops early when val_loss stops improving', async () => {
    const model = textModel('simple');
    const result = await train(model, spam.data, { ...adam, epochs: 6, optimizer: { name: 'sgd', lr: 1e-9 }, earlyStopping: { patience: 1, minDelta: 0.01 } });
    model.dispose();
    expect(result.stoppedEarly).toBe(true);
    expect(result.history).toHaveLength(3);
    expect(result.bestEpoch).toBe(1);
  });

  it('learns the adding problem (regression, mse reported)', async () => {
    const adding = smallAdding(10, 1000);
    const model = buildClassifier({
      input: { kind: 'sequence', timesteps: 10, features: 2 },
      output: { kind: 'regression' },
      cell: 'lstm',
      units: 24,
      seed: 3,
    });
    const { history } = await train(model, adding.data, { ...adam, epochs: 12, batchSize: 32 });
    model.dispose();
    // Predicting the mean target (1.0) gives an MSE of about 1/6; learning beats it clearly.
    expect(history[11]!.val_mse).toBeLessThan(0.05);
    expect(history[11]!.mse).toBeLessThan(history[0]!.mse!);
  });

  it('refuses an invalid strategy with every problem listed', async () => {
    const model = textModel('simple');
    const error = await train(model, spam.data, { ...adam, batchSize: 0, epochs: 1.5, classWeights: [1], earlyStopping: { patience: -1 } }).catch(
      (e: unknown) => e,
    );
    model.dispose();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('batchSize must be a positive integer, got 0');
    expect(message).toContain('epochs must be a positive integer, got 1.5');
    expect(message).toContain("classWeights must be 'balanced' or 2 non-negative numbers");
    expect(message).toContain('earlyStopping.patience must be a non-negative integer, got -1');
  });
});

describe('truncation and class weights', () => {
  it('keeps only the last N real tokens of each row, whichever side the padding is on', () => {
    const rows = Int32Array.from([0, 0, 5, 6, 7, 8, /* post-padded */ 5, 6, 7, 0, 0, 0]);
    keepLastTokens(rows, 6, 2);
    expect(Array.from(rows)).toEqual([0, 0, 0, 0, 7, 8, 0, 6, 7, 0, 0, 0]);
  });

  it("computes 'balanced' weights as n / (k · n_c)", () => {
    expect(balancedClassWeights([0, 0, 0, 1], 2)).toEqual([4 / 6, 2]);
  });
});
