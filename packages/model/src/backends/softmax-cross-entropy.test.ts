import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '../random.js';
import { classificationLoss, countHits } from '../training/losses.js';
import { initBackend } from './init-backend.js';
import { hasCrossEntropyKernels } from './softmax-cross-entropy.js';

/** The tfjs ops the fused kernels replace (losses.ts before them), as the yardstick. */
function opsLoss(logits: tf.Tensor, labels: tf.Tensor, classWeights?: tf.Tensor1D): tf.Scalar {
  const classes = logits.shape[1] as number;
  const perExample = tf.neg(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), classes), tf.logSoftmax(logits)), -1));
  return tf.mean(classWeights ? tf.mul(perExample, tf.gather(classWeights, tf.cast(labels, 'int32'))) : perExample);
}

function opsHits(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.cast(tf.argMax(logits, -1), 'float32'), tf.cast(labels, 'float32')), 'float32'));
}

interface Case {
  logits: number[];
  labels: number[];
  classes: number;
  labelType: 'int32' | 'float32';
  weights?: number[];
}

/** Loss, d loss/d logits and hits, through `loss` and `hits`. */
function run(c: Case, loss: typeof opsLoss, hits: typeof opsHits): { loss: number; grad: number[]; hits: number } {
  return tf.tidy(() => {
    const logits = tf.tensor2d(c.logits, [c.labels.length, c.classes]);
    const labels = tf.tensor1d(c.labels, c.labelType);
    const weights = c.weights ? tf.tensor1d(c.weights) : undefined;
    const grad = tf.grad((x: tf.Tensor) => loss(x, labels, weights))(logits);
    return { loss: loss(logits, labels, weights).dataSync()[0]!, grad: Array.from(grad.dataSync()), hits: hits(logits, labels).dataSync()[0]! };
  });
}

function randomCase(seed: number, batch: number, classes: number, labelType: 'int32' | 'float32', weighted: boolean): Case {
  const random = createRandom(seed);
  return {
    logits: Array.from({ length: batch * classes }, () => (random() - 0.5) * 8),
    labels: Array.from({ length: batch }, () => Math.floor(random() * classes)),
    classes,
    labelType,
    ...(weighted ? { weights: Array.from({ length: classes }, () => 0.25 + random() * 2) } : {}),
  };
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (Number.isNaN(e)) expect(a, `[${i}]`).toBeNaN();
    else expect(Math.abs(a - e), `[${i}]: ${a} against ${e}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
  });
}

describe.each(['wasm', 'cpu'] as const)('the fused softmax cross-entropy on %s', (backend) => {
  afterAll(async () => {
    await initBackend('wasm');
  });

  it('is installed by initBackend and computes what the ops compute: loss, gradient and hits', async () => {
    await initBackend(backend);
    expect(hasCrossEntropyKernels()).toBe(true);
    const cases = [
      randomCase(1, 32, 2, 'int32', false),
      randomCase(2, 17, 5, 'float32', false),
      randomCase(3, 32, 2, 'int32', true),
      randomCase(4, 9, 4, 'float32', true),
    ];
    for (const c of cases) {
      const fused = run(c, classificationLoss, countHits);
      const ops = run(c, opsLoss, opsHits);
      expectClose([fused.loss], [ops.loss], 1e-6);
      expectClose(fused.grad, ops.grad, 1e-6);
      expect(fused.hits).toBe(ops.hits);
    }
  });

  it('gives a label outside the classes no loss and no gradient, and a non-finite row NaN, as the ops do', async () => {
    await initBackend(backend);
    const c: Case = { logits: [1, 2, 3, -1, 0.5, 0.25], labels: [7, 0, -1], classes: 2, labelType: 'int32' };
    const fused = run(c, classificationLoss, countHits);
    // The ops' gather of class weights refuses such labels, so compare unweighted.
    const ops = run(c, opsLoss, opsHits);
    expectClose([fused.loss], [ops.loss], 1e-6);
    expectClose(fused.grad, ops.grad, 1e-6);
    expect(fused.grad.slice(0, 2)).toEqual([0, 0]);

    const nan: Case = { logits: [Number.NEGATIVE_INFINITY, 0, 1, 2], labels: [1, 0], classes: 2, labelType: 'int32' };
    expect(run(nan, classificationLoss, countHits).loss).toBeNaN();
    expect(run(nan, opsLoss, opsHits).loss).toBeNaN();
  });

  it('runs one kernel forward and one backward instead of dozens', async () => {
    await initBackend(backend);
    const c = randomCase(5, 32, 2, 'int32', false);
    const kernels = async (loss: typeof opsLoss) => {
      const logits = tf.variable(tf.tensor2d(c.logits, [32, 2]));
      const labels = tf.tensor1d(c.labels, 'int32');
      const profile = await tf.profile(() => {
        const { value, grads } = tf.variableGrads(() => loss(logits, labels), [logits]);
        tf.dispose([value, ...Object.values(grads)]);
      });
      tf.dispose([logits, labels]);
      return profile.kernels.length;
    };
    // The loss, its gradient, and the two Identity kernels variableGrads runs on the variable.
    expect(await kernels(classificationLoss)).toBeLessThanOrEqual(4);
    expect(await kernels(opsLoss)).toBeGreaterThan(10);
  });
});
