/**
 * Which variable a lazy embedding update applies to: the table of the Embedding layer that reads
 * the model's (token) input, whose touched rows are then the batch's token ids themselves.
 *
 * Why the ids and not the rows whose gradient is non-zero: a row in the batch is touched even when
 * its gradient happens to be 0 (the masked padding row, a saturated unit), and TensorFlow's and
 * PyTorch's sparse gradients list it, so its moments decay; the ids cost one pass over batch·seq
 * ints instead of a scan of the whole vocab·dim gradient.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError } from '../errors.js';

interface LayerLinks {
  inboundNodes?: { inboundLayers?: { getClassName(): string }[] }[];
}

/**
 * The registered name of the embedding table fed by the model's input.
 * @throws ConfigError when the model has no Embedding layer on its input
 */
export function inputEmbeddingName(model: tfl.LayersModel): string {
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Embedding') continue;
    const inbound = (layer as unknown as LayerLinks).inboundNodes?.[0]?.inboundLayers ?? [];
    const table = layer.trainableWeights[0];
    if (model.inputs.length === 1 && inbound.length === 1 && inbound[0]?.getClassName() === 'InputLayer' && table !== undefined) {
      return (table.read() as tf.Variable).name;
    }
  }
  throw new ConfigError(`embeddingUpdate 'lazy' needs a model whose input feeds an Embedding layer; ${model.name} has none`);
}
