import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ClassifierConfig } from './classifier-config.js';
import { ConfigError } from '../errors.js';
import { createRandom } from '../random.js';
import { kernelValues, recurrentBlock, recurrentKernel, uniform } from './initializers.js';

const GATES = { simple: 1, lstm: 4, gru: 3, loop: 1 } as const;

/** The variable's own name without scope or tfjs's uniqueness suffix: 'rnn_1/bias_3' → 'bias'. */
function leafName(fullName: string): string {
  return (fullName.split('/').pop() ?? fullName).replace(/_\d+$/, '');
}

/**
 * Writes seeded initial values into every weight of a model built by buildClassifier.
 * Variables are visited in model order, so the same seed always gives the same weights.
 * @throws {ConfigError} on a weight this function does not know how to initialize.
 */
export function initializeWeights(model: tfl.LayersModel, config: ClassifierConfig): void {
  const random = createRandom(config.seed);
  const kernelKind = config.init?.kernel ?? 'glorot';
  const recurrentKind = config.init?.recurrent ?? 'orthogonal';
  const forgetBias = config.init?.forgetBias ?? true;
  const units = config.units;
  const gates = GATES[config.cell];

  for (const weight of model.weights) {
    const shape = weight.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const leaf = leafName(weight.originalName);
    const inRecurrentLayer = /(^|\/)(bi)?rnn_\d+/.test(weight.originalName);
    let values: Float32Array;
    switch (leaf) {
      case 'embeddings':
        values = uniform(size, 0.05, random);
        break;
      case 'kernel': {
        const [rows, cols] = shape as [number, number];
        values = kernelValues(kernelKind, rows, cols, random);
        break;
      }
      case 'recurrent_kernel':
        values = recurrentKernel(recurrentKind, units, gates, random);
        break;
      case 'bias':
        values = new Float32Array(size);
        if (inRecurrentLayer && config.cell === 'lstm' && forgetBias) values.fill(1, units, 2 * units); // gate order i, f, c, o
        break;
      case 'step1_kernel': {
        // [x_t; h_{t−1}] → units: input rows get the kernel init, state rows the recurrent init.
        const [rows, cols] = shape as [number, number];
        const inputRows = rows - units;
        values = new Float32Array(size);
        values.set(kernelValues(kernelKind, inputRows, cols, random), 0);
        values.set(recurrentBlock(recurrentKind, units, random), inputRows * cols);
        break;
      }
      case 'step2_kernel':
        values = recurrentBlock(recurrentKind, units, random);
        break;
      case 'step1_bias':
      case 'step2_bias':
      case 'beta':
        values = new Float32Array(size);
        break;
      case 'gamma':
        values = new Float32Array(size).fill(1);
        break;
      default:
        throw new ConfigError(`initializeWeights: no rule for weight '${weight.originalName}'`);
    }
    const tensor = tf.tensor(values, shape, 'float32');
    weight.write(tensor);
    tensor.dispose();
  }
}
