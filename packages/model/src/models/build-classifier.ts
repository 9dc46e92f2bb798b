/**
 * buildClassifier: embedding (or raw sequence input) → 1–3 recurrent layers → pooling → dense head.
 * The head outputs logits (classification) or one value (regression); losses apply the softmax.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { ClassifierConfig } from './classifier-config.js';
import { LoopRNN } from './loop-cell.js';
import { FastRNN } from './fast-rnn/fast-rnn-layer.js';
import { MaskedPooling } from './masked-pooling.js';
import { initializeWeights } from './initialize-weights.js';
import { validateClassifierConfig } from './validate-config.js';

type SymbolicTensor = tfl.SymbolicTensor;
type RecurrentLayer = ReturnType<typeof tfl.layers.lstm>;

function recurrentLayer(config: ClassifierConfig, index: number, returnSequences: boolean): RecurrentLayer {
  const name = `rnn_${index + 1}`;
  const recurrentDropout = config.recurrentDropout ?? 0;
  if ((config.rnnImplementation ?? 'fast') === 'fast') {
    const fast = new FastRNN({
      cell: config.cell,
      units: config.units,
      returnSequences,
      name,
      ...(config.cell === 'simple' ? { activation: config.activation ?? 'tanh' } : {}),
      ...(config.cell === 'loop' ? { dropout: config.dropout ?? 0 } : { recurrentDropout }),
    });
    // tfjs types Bidirectional's layer as an RNN; it only reads the config and call() of it.
    return fast as unknown as RecurrentLayer;
  }
  // zeros: initializeWeights writes seeded values afterwards.
  const common = { units: config.units, returnSequences, name, kernelInitializer: 'zeros', recurrentInitializer: 'zeros', biasInitializer: 'zeros' } as const;
  switch (config.cell) {
    case 'simple':
      return tfl.layers.simpleRNN({ ...common, activation: config.activation ?? 'tanh', recurrentDropout });
    case 'lstm':
      // tfjs defaults the gates to hard sigmoid; the logistic sigmoid is what every reference uses.
      return tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid', recurrentDropout });
    case 'gru':
      return tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid', recurrentDropout });
    case 'loop':
      return new LoopRNN({ units: config.units, dropout: config.dropout ?? 0, returnSequences, name });
  }
}

/**
 * Builds an uncompiled LayersModel from `config` with seeded initial weights.
 * @throws {ConfigError} if the config is invalid (every problem listed).
 */
export function buildClassifier(config: ClassifierConfig): tfl.LayersModel {
  validateClassifierConfig(config);
  const layerCount = config.layers ?? 1;
  const pooling = config.pooling ?? 'last';
  const dropout = config.dropout ?? 0;

  let input: SymbolicTensor;
  let x: SymbolicTensor;
  if (config.input.kind === 'tokens') {
    input = tfl.input({ shape: [config.input.maxLen], dtype: 'int32', name: 'tokens' });
    // maskZero: PAD_ID 0 is masked, so recurrent layers skip padding and pooling ignores it.
    x = tfl.layers
      .embedding({
        inputDim: config.input.vocabSize,
        outputDim: config.input.embeddingDim ?? 64,
        maskZero: true,
        embeddingsInitializer: 'zeros',
        name: 'embedding',
      })
      .apply(input) as SymbolicTensor;
  } else {
    input = tfl.input({ shape: [config.input.timesteps, config.input.features], name: 'sequence' });
    x = input;
  }

  for (let i = 0; i < layerCount; i++) {
    const last = i === layerCount - 1;
    const returnSequences = !last || pooling !== 'last';
    const rnn = recurrentLayer(config, i, returnSequences);
    const layer = config.bidirectional ? tfl.layers.bidirectional({ layer: rnn, mergeMode: 'concat', name: `birnn_${i + 1}` }) : rnn;
    x = layer.apply(x) as SymbolicTensor;
    if (config.layerNorm) x = tfl.layers.layerNormalization({ name: `layer_norm_${i + 1}` }).apply(x) as SymbolicTensor;
    if (dropout > 0 && !last) x = tfl.layers.dropout({ rate: dropout, name: `dropout_${i + 1}` }).apply(x) as SymbolicTensor;
  }
  if (pooling !== 'last') x = new MaskedPooling({ mode: pooling, name: 'pool' }).apply(x) as SymbolicTensor;
  if (dropout > 0) x = tfl.layers.dropout({ rate: dropout, name: 'dropout_head' }).apply(x) as SymbolicTensor;
  const outputs = config.output.kind === 'classification' ? config.output.classes : 1;
  const head = tfl.layers.dense({ units: outputs, kernelInitializer: 'zeros', name: 'head' }).apply(x) as SymbolicTensor;

  const model = tfl.model({ inputs: input, outputs: head, name: `${config.cell}_classifier` });
  initializeWeights(model, config);
  return model;
}

/** Number of trainable scalars. */
export function countParameters(model: tfl.LayersModel): number {
  return model.trainableWeights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}
