/**
 * Mean or max over time that ignores padding.
 *
 * Why our own: tfjs-layers' global pooling layers average the padded positions too, so a short
 * email padded to 200 tokens would be mostly zeros after pooling.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

type Shape = (number | null)[];

export interface MaskedPoolingArgs {
  mode: 'mean' | 'max';
  name?: string;
}

export class MaskedPooling extends tfl.layers.Layer {
  static className = 'MaskedPooling';
  readonly mode: 'mean' | 'max';

  constructor(args: MaskedPoolingArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.mode = args.mode;
    this.supportsMasking = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0] ?? null, shape[2] ?? null];
  }

  /** Pooling consumes the time axis, so nothing downstream is masked. */
  override computeMask(): tf.Tensor {
    // tfjs's declared type omits null, but null is what "no mask" means to the engine.
    return null as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { mask?: tf.Tensor }): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const mask = kwargs?.mask;
      if (!mask) return this.mode === 'mean' ? tf.mean(x, 1) : tf.max(x, 1);
      const weights = tf.expandDims(tf.cast(mask, 'float32'), -1); // [batch, time, 1]
      if (this.mode === 'mean') {
        const count = tf.maximum(tf.sum(weights, 1), 1);
        return tf.div(tf.sum(tf.mul(x, weights), 1), count);
      }
      // Padded steps get a large negative value so they never win the max.
      return tf.max(tf.add(x, tf.mul(tf.sub(1, weights), -1e9)), 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.mode };
  }
}
tf.serialization.registerClass(MaskedPooling);
