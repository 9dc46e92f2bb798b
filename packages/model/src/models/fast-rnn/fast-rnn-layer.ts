/**
 * FastRNN: loopsweep's own recurrent layer for the simple, lstm, gru and loop cells.
 *
 * Why not tfjs-layers' RNN: it runs the cell step by step through generic layer code, and its
 * backward pass is tfjs's automatic differentiation of hundreds of small ops per step, with
 * transposed matMuls that wasm runs slowly. Here the input projection of all timesteps is one
 * matMul and the walk over time is a Recurrence (recurrence.ts) with a hand-written backward.
 *
 * Weights have the names and shapes of tfjs-layers' layers (kernel, recurrent_kernel, bias with
 * gate blocks in tfjs order; the loop cell's step1_kernel over [x; h]), so initializeWeights and
 * saved models treat both alike.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError } from '../../errors.js';
import { GATE_COUNT, type RecurrentCell, type RecurrenceInputs } from './recurrence.js';
import { inputProjection } from './input-projection.js';
import { lastStep } from './last-step.js';
import { selectRecurrence } from './select-recurrence.js';

type Shape = (number | null)[];
type LayerVariable = ReturnType<tfl.layers.Layer['addWeight']>;

export interface FastRnnArgs {
  cell: RecurrentCell;
  units: number;
  /** simple only. Default 'tanh'. */
  activation?: 'tanh' | 'relu';
  /** simple, lstm, gru: dropout of the recurrent state, one mask per sequence. */
  recurrentDropout?: number;
  /** loop only: dropout inside the step, a fresh mask per step. */
  dropout?: number;
  returnSequences?: boolean;
  /** Walk the sequence from its end; with returnSequences the outputs come reversed (as Keras). */
  goBackwards?: boolean;
  name?: string;
  trainable?: boolean;
}

const CELLS: readonly RecurrentCell[] = ['simple', 'lstm', 'gru', 'loop'];

export class FastRNN extends tfl.layers.Layer {
  static className = 'FastRNN';
  /** Not named `cell`: training code takes a layer's `cell` to be a tfjs-layers RNNCell object. */
  readonly cellType: RecurrentCell;
  readonly units: number;
  readonly activation: 'tanh' | 'relu';
  readonly recurrentDropout: number;
  readonly dropout: number;
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  private readonly weightsByName = new Map<string, LayerVariable>();

  /** @throws {ConfigError} on an unknown cell, non-positive units or a rate outside [0, 1). */
  constructor(args: FastRnnArgs) {
    super({ ...(args.name === undefined ? {} : { name: args.name }), ...(args.trainable === undefined ? {} : { trainable: args.trainable }) });
    const rate = (value: number | undefined, what: string) => {
      const r = value ?? 0;
      if (!(r >= 0 && r < 1)) throw new ConfigError(`FastRNN ${what} must be in [0, 1), got ${value}`);
      return r;
    };
    if (!CELLS.includes(args.cell)) throw new ConfigError(`FastRNN cell must be one of ${CELLS.join(', ')}, got '${String(args.cell)}'`);
    if (!Number.isInteger(args.units) || args.units < 1) throw new ConfigError(`FastRNN units must be a positive integer, got ${args.units}`);
    const activation = args.activation ?? 'tanh';
    if (activation !== 'tanh' && activation !== 'relu') throw new ConfigError(`FastRNN activation must be 'tanh' or 'relu', got '${String(activation)}'`);
    this.cellType = args.cell;
    this.units = args.units;
    this.activation = activation;
    this.recurrentDropout = rate(args.recurrentDropout, 'recurrentDropout');
    this.dropout = rate(args.dropout, 'dropout');
    if (this.cellType === 'loop' && this.recurrentDropout > 0)
      throw new ConfigError('FastRNN: the loop cell has no recurrentDropout; use dropout (inside the step)');
    this.returnSequences = args.returnSequences ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const inputDim = shape[shape.length - 1];
    if (typeof inputDim !== 'number') throw new ConfigError(`FastRNN needs a known feature size, got input shape [${shape.join(', ')}]`);
    const h = this.units;
    // Zeros: initializeWeights writes seeded values afterwards (as for the tfjs-layers cells).
    const add = (name: string, weightShape: number[]) => this.weightsByName.set(name, this.addWeight(name, weightShape, 'float32', tfl.initializers.zeros()));
    if (this.cellType === 'loop') {
      add('step1_kernel', [inputDim + h, h]);
      add('step1_bias', [h]);
      add('step2_kernel', [h, h]);
      add('step2_bias', [h]);
    } else {
      const width = GATE_COUNT[this.cellType] * h;
      add('kernel', [inputDim, width]);
      add('recurrent_kernel', [h, width]);
      add('bias', [width]);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    return this.returnSequences ? [shape[0] ?? null, shape[1] ?? null, this.units] : [shape[0] ?? null, this.units];
  }

  /** The input's padding mask passes through when the time axis does. */
  override computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const single = Array.isArray(mask) ? mask[0] : mask;
    // tfjs's declared type omits null, but null is what "no mask" means to the engine.
    return (this.returnSequences && single ? single : null) as unknown as tf.Tensor;
  }

  /** @throws {ConfigError} if the input is not [batch, time, features]. */
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { mask?: tf.Tensor | tf.Tensor[]; training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      if (x.rank !== 3) throw new ConfigError(`FastRNN '${this.name}' expects [batch, time, features], got shape [${x.shape.join(', ')}]`);
      const maskInput = Array.isArray(kwargs?.mask) ? kwargs.mask[0] : kwargs?.mask;
      const training = kwargs?.training === true;
      const [batch, steps, inputDim] = x.shape;
      const h = this.units;
      // Time-major from here on: each step's slice is contiguous.
      let xT = tf.transpose<tf.Tensor3D>(x, [1, 0, 2]);
      let mask = maskInput ? (tf.transpose(tf.cast(maskInput, 'float32')) as tf.Tensor2D) : undefined;
      if (this.goBackwards) {
        xT = tf.reverse(xT, 0);
        if (mask) mask = tf.reverse(mask, 0);
      }
      const flat = tf.reshape<tf.Rank.R2>(xT, [steps * batch, inputDim]);
      const read = (name: string) => (this.weightsByName.get(name) as LayerVariable).read();
      let recurrence: RecurrenceInputs;
      if (this.cellType === 'loop') {
        const kernel1 = read('step1_kernel');
        const inputKernel = tf.slice(kernel1, [0, 0], [inputDim, h]) as tf.Tensor2D;
        const xProj = tf.reshape<tf.Rank.R3>(inputProjection(flat, inputKernel, read('step1_bias') as tf.Tensor1D), [steps, batch, h]);
        const dropping = training && this.dropout > 0;
        const dropMask = () => tf.dropout(tf.ones([steps, batch, h]), this.dropout) as tf.Tensor3D;
        recurrence = {
          cell: 'loop',
          activation: this.activation,
          xProj,
          recurrentKernel: tf.slice(kernel1, [inputDim, 0], [h, h]) as tf.Tensor2D,
          ...(mask ? { mask } : {}),
          loop: {
            kernel2: read('step2_kernel') as tf.Tensor2D,
            bias2: read('step2_bias') as tf.Tensor1D,
            ...(dropping ? { dropoutMasks: [dropMask(), dropMask()] as const } : {}),
          },
        };
      } else {
        const width = GATE_COUNT[this.cellType] * h;
        const xProj = tf.reshape<tf.Rank.R3>(inputProjection(flat, read('kernel') as tf.Tensor2D, read('bias') as tf.Tensor1D), [steps, batch, width]);
        const dropping = training && this.recurrentDropout > 0;
        recurrence = {
          cell: this.cellType,
          activation: this.activation,
          xProj,
          recurrentKernel: read('recurrent_kernel') as tf.Tensor2D,
          ...(mask ? { mask } : {}),
          ...(dropping ? { recurrentDropoutMask: tf.dropout(tf.ones([batch, h]), this.recurrentDropout) as tf.Tensor2D } : {}),
        };
      }
      const outputs = selectRecurrence().recurrence(recurrence);
      if (this.returnSequences) return tf.transpose(outputs, [1, 0, 2]);
      // Masked steps carry the state, so the last output is the state after the last real token.
      return lastStep(outputs);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      cell: this.cellType,
      units: this.units,
      activation: this.activation,
      recurrentDropout: this.recurrentDropout,
      dropout: this.dropout,
      returnSequences: this.returnSequences,
      goBackwards: this.goBackwards,
    };
  }
}
tf.serialization.registerClass(FastRNN);
