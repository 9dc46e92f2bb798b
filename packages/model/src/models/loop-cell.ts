/**
 * The LoopUnit used as a recurrent cell:
 *
 *   h_t = drop(relu(tanh(W2 · drop(relu(tanh(W1 · [x_t; h_{t−1}] + b1))) + b2)))
 *
 * Two stacked squashing layers per step, each rectified, so the state stays in [0, 1). It has no
 * gates: whether it carries information over long spans is exactly what a strategy comparison
 * (initializations, clipping) shows. `drop` is ordinary dropout with a fresh mask per step, active
 * only in training.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError } from '../errors.js';

export interface LoopCellArgs {
  units: number;
  dropout?: number;
  name?: string;
}

type Shape = (number | null)[];
type LayerVariable = ReturnType<tfl.layers.Layer['addWeight']>;

export class LoopCell extends tfl.layers.RNNCell {
  static className = 'LoopCell';
  readonly units: number;
  readonly dropout: number;
  override readonly stateSize: number;
  private kernel1!: LayerVariable;
  private bias1!: LayerVariable;
  private kernel2!: LayerVariable;
  private bias2!: LayerVariable;

  constructor(args: LoopCellArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    if (!Number.isInteger(args.units) || args.units < 1) throw new ConfigError(`LoopCell units must be a positive integer, got ${args.units}`);
    const dropout = args.dropout ?? 0;
    if (!(dropout >= 0 && dropout < 1)) throw new ConfigError(`LoopCell dropout must be in [0, 1), got ${dropout}`);
    this.units = args.units;
    this.dropout = dropout;
    this.stateSize = args.units;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const inputDim = shape[shape.length - 1] as number;
    // Initial values are overwritten by initializeWeights (seeded); zeros keep construction cheap.
    this.kernel1 = this.addWeight('step1_kernel', [inputDim + this.units, this.units], 'float32', tfl.initializers.zeros());
    this.bias1 = this.addWeight('step1_bias', [this.units], 'float32', tfl.initializers.zeros());
    this.kernel2 = this.addWeight('step2_kernel', [this.units, this.units], 'float32', tfl.initializers.zeros());
    this.bias2 = this.addWeight('step2_bias', [this.units], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor[];
      if (!x || !hPrev) throw new ConfigError(`LoopCell expects [input, state], got ${(inputs as tf.Tensor[]).length} tensors`);
      const training = kwargs?.training === true && this.dropout > 0;
      const drop = (t: tf.Tensor) => (training ? tf.dropout(t, this.dropout) : t);
      const joined = tf.concat([x, hPrev], -1);
      const first = drop(tf.relu(tf.tanh(tf.add(tf.matMul(joined as tf.Tensor2D, this.kernel1.read() as tf.Tensor2D), this.bias1.read()))));
      const h = drop(tf.relu(tf.tanh(tf.add(tf.matMul(first as tf.Tensor2D, this.kernel2.read() as tf.Tensor2D), this.bias2.read()))));
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, dropout: this.dropout };
  }
}
tf.serialization.registerClass(LoopCell);

export interface LoopRnnArgs extends LoopCellArgs {
  returnSequences?: boolean;
  goBackwards?: boolean;
}

/**
 * The recurrent layer around LoopCell, as tfjs's LSTM is around LSTMCell.
 *
 * Why a class of its own rather than `tf.layers.rnn({ cell })`: tfjs's generic RNN.fromConfig
 * writes the deserialized cell back into the config it was given, and Bidirectional deserializes
 * the forward and backward copies from one config object, so the second copy fails. A layer that
 * builds its own cell from plain config fields serializes and clones cleanly.
 */
export class LoopRNN extends tfl.RNN {
  static override className = 'LoopRNN';

  constructor(args: LoopRnnArgs) {
    const cellArgs: LoopCellArgs = { units: args.units, ...(args.dropout !== undefined ? { dropout: args.dropout } : {}) };
    super({ ...args, cell: new LoopCell(cellArgs) });
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(LoopRNN);
