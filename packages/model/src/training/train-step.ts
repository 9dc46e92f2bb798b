import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { withRandomSource, type RandomSource } from '../random.js';
import type { ClipConfig } from './strategy.js';
import type { TrainingOptimizer } from './optimizers.js';
import { clipGradients } from './clipping.js';
import { countHits } from './losses.js';

export interface StepInputs {
  readonly model: tfl.LayersModel;
  readonly variables: ReadonlyMap<string, tf.Variable>;
  readonly optimizer: TrainingOptimizer;
  readonly clip: ClipConfig;
  readonly loss: (output: tf.Tensor, y: tf.Tensor) => tf.Scalar;
  readonly countHits: boolean;
  /**
   * The embedding table to update lazily (embeddingUpdate 'lazy'): only its rows named by the
   * batch's token ids x change. Undefined: every variable is updated densely.
   */
  readonly lazyEmbedding?: string;
  /** Seeds the step's dropout masks. */
  readonly dropoutRandom: RandomSource;
}

export interface StepResult {
  readonly loss: number;
  /** Correct predictions in the batch (classification), else 0. */
  readonly hits: number;
  /** Global gradient norm before clipping. */
  readonly preClipNorm: number;
}

/**
 * One optimization step on one batch: forward, loss, gradients, clipping, update.
 *
 * The update is skipped when the loss is NaN or ±Infinity, so a diverged step never touches the
 * weights; the caller decides what a non-finite loss means. Every tensor made here is freed.
 */
export async function trainStep(inputs: StepInputs, x: tf.Tensor, y: tf.Tensor): Promise<StepResult> {
  const { model, variables, optimizer } = inputs;
  let computed: { value: tf.Scalar; grads: tf.NamedTensorMap; hits: tf.Scalar; norm: tf.Scalar } | undefined;
  try {
    // tfjs draws dropout masks from Math.random: swap in the seeded stream for the forward pass.
    computed = withRandomSource(inputs.dropoutRandom, () =>
      tf.tidy(() => {
        let output: tf.Tensor | undefined;
        const { value, grads } = tf.variableGrads(() => {
          // Kept beyond variableGrads' scope to count correct predictions; freed below.
          output = tf.keep(model.apply(x, { training: true }) as tf.Tensor);
          return inputs.loss(output, y);
        }, [...variables.values()]);
        const { grads: clipped, preClipNorm } = clipGradients(grads, inputs.clip);
        const hits = inputs.countHits ? countHits(output!, y) : tf.scalar(0);
        output!.dispose();
        return { value, grads: clipped, hits, norm: preClipNorm };
      }),
    );
    // An async read: webgpu cannot read synchronously in Node, and it lets a GPU drain its queue.
    const summary = tf.stack([computed.value, computed.hits, computed.norm]);
    const [loss, hits, norm] = (await summary.data()) as Float32Array;
    summary.dispose();
    if (Number.isFinite(loss)) {
      optimizer.applyGradients(computed.grads, variables, inputs.lazyEmbedding === undefined ? undefined : new Map([[inputs.lazyEmbedding, x]]));
    }
    return { loss: loss as number, hits: hits as number, preClipNorm: norm as number };
  } finally {
    if (computed) tf.dispose([computed.value, computed.hits, computed.norm, ...Object.values(computed.grads)]);
  }
}
