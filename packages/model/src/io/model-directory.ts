/**
 * Saving a trained classifier with everything needed to predict (topology, weights, tokenizer,
 * encoding options, class names) to a directory, and loading it back, in Node without tfjs-node.
 *
 * Layout: model.json (tfjs topology + weights manifest), weights.bin, loopsweep.json (our
 * metadata, with the tokenizer inline).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelIoError } from '../errors.js';
import type { ClassifierConfig } from '../models/classifier-config.js';
import { Tokenizer, type TokenizerJson } from '../text/tokenizer.js';
import type { EncodeTextsOptions } from '../text/vectorize.js';
// Registers LoopCell and MaskedPooling with tfjs serialization before any load.
import '../models/loop-cell.js';
import '../models/masked-pooling.js';

const METADATA_FORMAT = 'loopsweep-model';

export interface SavedModelMetadata {
  readonly format: typeof METADATA_FORMAT;
  readonly version: 1;
  readonly config: ClassifierConfig;
  readonly classNames?: readonly string[];
  readonly encoding?: EncodeTextsOptions;
  readonly tokenizer?: TokenizerJson;
  /** Free-form facts worth keeping with the weights: params, final metrics, backend. */
  readonly notes?: Record<string, unknown>;
}

export interface SaveModelOptions {
  readonly config: ClassifierConfig;
  readonly tokenizer?: Tokenizer;
  readonly encoding?: EncodeTextsOptions;
  readonly classNames?: readonly string[];
  readonly notes?: Record<string, unknown>;
  /** Replace an existing directory. Default false: an existing non-empty directory is an error. */
  readonly overwrite?: boolean;
}

export interface LoadedModel {
  readonly model: tfl.LayersModel;
  readonly metadata: SavedModelMetadata;
  readonly tokenizer?: Tokenizer;
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the model to `dir`. Files go to a sibling temporary directory first and are moved into
 * place at the end, so an interrupted save never leaves a half-written model behind.
 * @throws {ModelIoError} if `dir` exists (without `overwrite`) or cannot be written.
 */
export async function saveModel(dir: string, model: tfl.LayersModel, options: SaveModelOptions): Promise<void> {
  const target = path.resolve(dir);
  if (!options.overwrite && (await exists(target))) {
    throw new ModelIoError(`${target} already exists; choose a new directory or pass overwrite: true`);
  }
  const staging = `${target}.saving-${process.pid}-${Date.now()}`;
  try {
    await mkdir(staging, { recursive: true });
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
        const modelJson = {
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        };
        await writeFile(path.join(staging, 'model.json'), JSON.stringify(modelJson));
        await writeFile(path.join(staging, 'weights.bin'), Buffer.from(weightData));
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const metadata: SavedModelMetadata = {
      format: METADATA_FORMAT,
      version: 1,
      config: options.config,
      ...(options.classNames ? { classNames: options.classNames } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.tokenizer ? { tokenizer: options.tokenizer.toJSON() } : {}),
      ...(options.notes ? { notes: options.notes } : {}),
    };
    await writeFile(path.join(staging, 'loopsweep.json'), JSON.stringify(metadata, null, 2));
    if (await exists(target)) await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof ModelIoError) throw error;
    throw new ModelIoError(`could not save the model to ${target}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Loads a directory written by saveModel.
 * @throws {ModelIoError} if a file is missing, unreadable, or not a loopsweep model.
 */
export async function loadModel(dir: string): Promise<LoadedModel> {
  const target = path.resolve(dir);
  const names = ['model.json', 'weights.bin', 'loopsweep.json'] as const;
  const reads = await Promise.allSettled(names.map((name) => readFile(path.join(target, name))));
  const missing = names.filter((_, i) => reads[i]!.status === 'rejected');
  if (missing.length > 0) {
    const first = reads.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    throw new ModelIoError(`${target} is not a model directory written by saveModel: ${missing.join(', ')} missing or unreadable`, { cause: first?.reason });
  }
  const [modelJsonBytes, weights, metadataBytes] = reads.map((r) => (r as PromiseFulfilledResult<Buffer>).value) as [Buffer, Buffer, Buffer];
  let modelJson: { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  let metadata: SavedModelMetadata;
  try {
    modelJson = JSON.parse(modelJsonBytes.toString('utf8')) as typeof modelJson;
    metadata = JSON.parse(metadataBytes.toString('utf8')) as SavedModelMetadata;
  } catch (error) {
    throw new ModelIoError(`${target} holds a corrupt model.json or loopsweep.json`, { cause: error });
  }
  if (metadata.format !== METADATA_FORMAT || metadata.version !== 1) {
    throw new ModelIoError(`${path.join(target, 'loopsweep.json')} is not loopsweep model metadata version 1`);
  }
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }));
  } catch (error) {
    throw new ModelIoError(`could not rebuild the model in ${target}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { model, metadata, ...(metadata.tokenizer ? { tokenizer: Tokenizer.fromJSON(metadata.tokenizer) } : {}) };
}
