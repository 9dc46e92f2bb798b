import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../backends/init-backend.js';
import { buildClassifier } from '../models/build-classifier.js';
import type { ClassifierConfig } from '../models/classifier-config.js';
import { train } from '../training/train.js';
import { smallSpam } from '../test-support/fixtures.js';
import { ModelIoError } from '../errors.js';
import { loadModel, saveModel } from './model-directory.js';
import { predictTexts } from './predict.js';
import type { PreparedText } from '../training/prepare-data.js';

let spam: PreparedText;
const texts = ['Subject: Re: cvs commit\n\nthe patch fixes the build on linux', 'Subject: FREE MONEY!!!\n\nclick here now to claim your $$$ prize'];

describe('saveModel / loadModel', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    spam = await smallSpam(300, 32);
  });

  it('round-trips a trained loop-cell model and its tokenizer: identical predictions', async () => {
    const config: ClassifierConfig = {
      input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: 32, embeddingDim: 8 },
      output: { kind: 'classification', classes: 2 },
      cell: 'loop',
      units: 8,
      bidirectional: true,
      pooling: 'mean',
      layerNorm: true,
      seed: 3,
    };
    const model = buildClassifier(config);
    await train(model, spam.data, {
      optimizer: { name: 'adam', lr: 0.01 },
      schedule: { type: 'constant' },
      clip: { type: 'none' },
      batchSize: 32,
      epochs: 1,
      seed: 1,
    });
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'loopsweep-model-')), 'spam');
    const encoding = { maxLen: 32 };
    await saveModel(dir, model, { config, tokenizer: spam.tokenizer, encoding, classNames: ['ham', 'spam'], notes: { val_accuracy: 0.9 } });
    expect((await readdir(dir)).sort()).toEqual(['loopsweep.json', 'model.json', 'weights.bin']);

    const loaded = await loadModel(dir);
    const original = await predictTexts({ model, metadata: loaded.metadata, tokenizer: spam.tokenizer }, texts);
    const restored = await predictTexts(loaded, texts);
    restored.forEach((prediction, i) => {
      expect(prediction.className).toBe(original[i]!.className);
      prediction.probabilities.forEach((p, j) => expect(p).toBeCloseTo(original[i]!.probabilities[j]!, 6));
    });
    expect(loaded.metadata.config).toEqual(config);
    expect(loaded.metadata.notes).toEqual({ val_accuracy: 0.9 });
    model.dispose();
    loaded.model.dispose();
  });

  it('never overwrites by accident, and names what is missing', async () => {
    const model = buildClassifier({ input: { kind: 'sequence', timesteps: 4, features: 2 }, output: { kind: 'regression' }, cell: 'gru', units: 4, seed: 1 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'loopsweep-model-'));
    await expect(
      saveModel(dir, model, {
        config: { input: { kind: 'sequence', timesteps: 4, features: 2 }, output: { kind: 'regression' }, cell: 'gru', units: 4, seed: 1 },
      }),
    ).rejects.toThrow(/already exists; choose a new directory or pass overwrite: true/);
    await expect(loadModel(dir)).rejects.toThrow(
      /is not a model directory written by saveModel: model.json, weights.bin, loopsweep.json missing or unreadable/,
    );
    const bad = path.join(dir, 'bad');
    await mkdir(bad);
    await Promise.all(['model.json', 'weights.bin'].map((f) => writeFile(path.join(bad, f), '{}')));
    await writeFile(path.join(bad, 'loopsweep.json'), '{"format":"something-else"}');
    await expect(loadModel(bad)).rejects.toBeInstanceOf(ModelIoError);
    const sequenceDir = path.join(dir, 'seq');
    const config = { input: { kind: 'sequence', timesteps: 4, features: 2 }, output: { kind: 'regression' }, cell: 'gru', units: 4, seed: 1 } as const;
    await saveModel(sequenceDir, model, { config });
    const loaded = await loadModel(sequenceDir);
    await expect(predictTexts(loaded, ['x'])).rejects.toThrow(/saved without a tokenizer/);
    const x = tf.ones([1, 4, 2]);
    expect(Array.from((loaded.model.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    model.dispose();
    loaded.model.dispose();
  });
});
