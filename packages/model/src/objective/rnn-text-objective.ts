/**
 * The built-in objective `rnn-text`: builds data, model and strategy from a sweep's flat params,
 * trains, reports every epoch, and returns the final metrics with the held-out test scores.
 */
import { initBackend } from '../backends/init-backend.js';
import type { DatasetSpec } from '../data/load-dataset.js';
import { buildClassifier, countParameters } from '../models/build-classifier.js';
import type { ClassifierInput, ClassifierOutput } from '../models/classifier-config.js';
import { evaluate } from '../training/evaluate.js';
import { train } from '../training/train.js';
import { classifierConfigFrom, strategyFrom } from './build-from-params.js';
import type { DatasetSettings, ObjectiveContext, ObjectiveMetrics } from './objective-context.js';
import { parseParams, type ParsedParams } from './parse-params.js';
import { preparedData, type PreparationKey } from './prepared-data-cache.js';
import { architectureOf, rnnTextCheckpoint, trainingStateFrom } from './rnn-text-checkpoint.js';

const DEFAULT_DATASET: DatasetSettings = { name: 'spamassassin' };

function preparationKey(settings: DatasetSettings, p: ParsedParams): PreparationKey {
  const split = {
    ...(settings.val_split !== undefined ? { valSplit: settings.val_split } : {}),
    ...(settings.test_split !== undefined ? { testSplit: settings.test_split } : {}),
    seed: settings.split_seed ?? 0,
  };
  if (settings.name === 'adding') {
    return { spec: { name: 'adding', timesteps: settings.timesteps ?? 100, ...(settings.size !== undefined ? { size: settings.size } : {}), ...split } };
  }
  const limit = settings.limit !== undefined ? { limit: settings.limit } : {};
  const spec: DatasetSpec =
    settings.name === 'spamassassin'
      ? { name: settings.name, ...limit, ...split }
      : {
          name: settings.name,
          path: settings.path,
          ...(settings.text_column !== undefined ? { textColumn: settings.text_column } : {}),
          ...(settings.label_column !== undefined ? { labelColumn: settings.label_column } : {}),
          ...(settings.name === 'csv' && settings.delimiter !== undefined ? { delimiter: settings.delimiter } : {}),
          ...limit,
          ...split,
        };
  return {
    spec,
    text: {
      level: (p.tokenizer as 'word' | 'char' | undefined) ?? settings.tokenizer ?? 'word',
      maxVocab: (p.vocab as number | undefined) ?? settings.vocab ?? 10000,
      maxLen: (p.max_len as number | undefined) ?? settings.max_len ?? 200,
      padding: settings.padding ?? 'pre',
    },
  };
}

/**
 * @throws {ParamsError} for unknown or invalid params (all listed), before any work.
 * @throws {DatasetError} if the dataset cannot be loaded.
 * @throws {ConfigError} for a combination that cannot be built (e.g. recurrent dropout on loop).
 * @throws {DivergedError} when the loss becomes NaN/Inf.
 * @throws {TrainingAbortedError} when `ctx.signal` fires (pruned or cancelled).
 * @throws {ConfigError} when `ctx.restore` hands back a checkpoint that does not fit these params
 *   (see RNN_TEXT_ARCHITECTURE_PARAMS) or is not an rnn-text/1 checkpoint.
 *
 * Every report offers a checkpoint (`options.checkpoint`, an {@link RnnTextCheckpoint}) unless the
 * host says it keeps none (`ctx.checkpointing === false`); when
 * `ctx.restore` resolves to one, training continues from it with this trial's own params, bit for
 * bit as the checkpointed trial would have when the params are the same.
 */
export async function rnnTextObjective(params: Record<string, unknown>, ctx: ObjectiveContext): Promise<ObjectiveMetrics> {
  const p = parseParams(params);
  const backend = await initBackend(ctx.device ?? 'wasm');
  ctx.log?.(`backend ${backend.backend}: ${backend.device}`);
  // The spec's dataset block was checked against rnn-text's schema before the sweep started.
  const settings = (ctx.dataset as DatasetSettings | undefined) ?? DEFAULT_DATASET;
  const data = await preparedData(preparationKey(settings, p));
  ctx.log?.(data.description);

  const { prepared } = data;
  const input: ClassifierInput =
    'tokenizer' in prepared
      ? {
          kind: 'tokens',
          vocabSize: prepared.tokenizer.vocabSize,
          maxLen: prepared.data.train.exampleShape[0] as number,
          embeddingDim: p.embedding_dim as number,
        }
      : { kind: 'sequence', timesteps: data.timesteps as number, features: data.features as number };
  const output: ClassifierOutput =
    prepared.data.task === 'classification' ? { kind: 'classification', classes: prepared.data.classes } : { kind: 'regression' };
  const config = classifierConfigFrom(p, input, output, ctx.seed);
  const strategy = strategyFrom(p, ctx.seed, ctx.maxEpochs);
  const architecture = architectureOf(config, preparationKey(settings, p));
  const restored = await ctx.restore?.();
  const resume = restored === undefined ? undefined : trainingStateFrom(restored, architecture, strategy.optimizer.name);
  if (resume) ctx.log?.(`continuing from the checkpoint after epoch ${resume.epoch}`);

  const model = buildClassifier(config);
  try {
    const parameters = countParameters(model);
    // Every report carries every metric a sweep may optimize or constrain (see RNN_TEXT_METRICS).
    const result = await train(model, prepared.data, strategy, {
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(resume ? { resume } : {}),
      onEpoch: async (metrics, end) => {
        const reported = { ...(metrics as unknown as Record<string, number>), parameters };
        // Copying every weight and optimizer slot out of the backend is work (and garbage) a host
        // that keeps no checkpoints would drop; a host that does not say (older ones) gets them.
        if (ctx.checkpointing === false) return ctx.report(metrics.epoch, reported);
        const checkpoint = rnnTextCheckpoint(architecture, p, await end.checkpoint());
        await ctx.report(metrics.epoch, reported, { checkpoint });
      },
    });
    const test = await evaluate(model, prepared.test, prepared.data.task, prepared.data.classes, Math.max(strategy.batchSize, 128));
    const { epoch: _epoch, ...final } = result.final;
    return {
      ...final,
      epochs: result.history.length,
      best_epoch: result.bestEpoch,
      parameters,
      test_loss: test.loss,
      ...(test.accuracy !== undefined ? { test_accuracy: test.accuracy, test_f1: test.macroF1 as number } : {}),
      ...(test.mse !== undefined ? { test_mse: test.mse } : {}),
    };
  } finally {
    model.dispose();
  }
}
