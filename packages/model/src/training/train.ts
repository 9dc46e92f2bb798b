/**
 * The training loop. Not `model.fit`: every part of the strategy (optimizer, schedule, clipping,
 * class weights, truncation, early stopping) is explicit here and what it did is reported.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError, DivergedError, TrainingAbortedError } from '../errors.js';
import { createRandom, shuffled } from '../random.js';
import type { TrainingStrategy } from './strategy.js';
import type { TrainingData } from './training-data.js';
import type { EpochMetrics, TrainingResult } from './epoch-metrics.js';
import { createOptimizer } from './optimizers.js';
import { createSchedule } from './schedules.js';
import { trainStep, type StepInputs, type StepResult } from './train-step.js';
import { ValLossTracker } from './early-stopping.js';
import { batchesOf, makeBatch } from './batches.js';
import { balancedClassWeights, classificationLoss, regressionLoss } from './losses.js';
import { evaluate } from './evaluate.js';
import { validateStrategy } from './validate-strategy.js';
import { captureWeights, restoreWeights, type TrainingCheckpoint } from './checkpoint.js';
import { captureOptimizerState, restoreOptimizerState } from './optimizer-state.js';
import { inputEmbeddingName } from './embedding-rows.js';

/** What `onEpoch` gets besides the metrics. */
export interface EpochEnd {
  /**
   * Copies the state after this epoch out (weights, optimizer slots, schedule, generators, early
   * stopping, history): passed as `resume`, it continues this run bit for bit. Only valid until
   * `onEpoch` returns; call it (and await it) there.
   */
  checkpoint(): Promise<TrainingCheckpoint>;
}

export interface TrainOptions {
  /** Checked between batches: pruning and cancel stop training at the next step. */
  readonly signal?: AbortSignal;
  /** Called after every epoch; training waits for it, so a reporter can apply back-pressure. */
  readonly onEpoch?: (metrics: EpochMetrics, end: EpochEnd) => void | Promise<void>;
  /**
   * Continue from a checkpoint (of a model with the same weight shapes) instead of starting: the
   * weights, the optimizer's state, the schedule's position and memory, the batch-order and dropout
   * generators, early stopping and the history are restored; the strategy is this call's own (its
   * lr, momentum, clipping… may differ from the checkpointed run's; its optimizer name may not).
   * Training runs epochs checkpoint.epoch + 1 … strategy.epochs.
   */
  readonly resume?: TrainingCheckpoint;
}

/** Yields to the event loop so a message (an abort) sent to this thread can arrive mid-epoch. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains `model` in place on `data` with `strategy`.
 *
 * @returns every epoch's metrics.
 * @throws {DivergedError} when a training loss is NaN or ±Infinity (names epoch and step).
 * @throws {TrainingAbortedError} when `signal` fires; the model keeps the weights reached so far.
 * @throws {ConfigError} when the strategy is invalid.
 *
 * @remarks Tensor hygiene: every tensor this creates is disposed before it returns or throws,
 * including the optimizer's state, so `tf.memory().numTensors` is back where it started.
 * Same seed, same backend, same data → the same metrics, bit for bit on `cpu` and `wasm`.
 */
export async function train(model: tfl.LayersModel, data: TrainingData, strategy: TrainingStrategy, options: TrainOptions = {}): Promise<TrainingResult> {
  validateStrategy(strategy, data);
  const { signal, onEpoch, resume } = options;
  const stepsPerEpoch = Math.ceil(data.train.count / strategy.batchSize);
  const lazyEmbedding = strategy.embeddingUpdate === 'lazy' ? inputEmbeddingName(model) : undefined;
  const optimizer = createOptimizer(strategy.optimizer);
  if (lazyEmbedding !== undefined && !optimizer.fused) {
    optimizer.dispose();
    throw new ConfigError(
      `embeddingUpdate 'lazy' needs the fused optimizer step, on the wasm or cpu backend; the ${tf.getBackend()} backend${
        globalThis.process?.env['LOOPSWEEP_OPTIMIZER_STEP'] === 'ops' ? ' with LOOPSWEEP_OPTIMIZER_STEP=ops' : ''
      } updates op by op (use 'dense' there)`,
    );
  }
  const schedule = createSchedule(strategy.schedule, strategy.optimizer.lr, { epochs: strategy.epochs, stepsPerEpoch });
  const orderRandom = createRandom(resume ? resume.random.order : strategy.seed);
  // A separate stream for dropout so that changing dropout does not change the batch order.
  const dropoutRandom = createRandom(resume ? resume.random.dropout : (strategy.seed ^ 0x9e3779b9) >>> 0);
  const variables = new Map<string, tf.Variable>(
    model.trainableWeights.map((w) => {
      const variable = w.read() as tf.Variable;
      return [variable.name, variable];
    }),
  );
  const classWeights =
    data.task === 'classification' && strategy.classWeights !== undefined
      ? tf.tensor1d(strategy.classWeights === 'balanced' ? balancedClassWeights(data.train.y, data.classes) : [...strategy.classWeights])
      : undefined;
  const lossOf = (output: tf.Tensor, y: tf.Tensor) =>
    data.task === 'classification' ? classificationLoss(output, y, classWeights) : regressionLoss(output, y);

  const stepInputs: StepInputs = {
    model,
    variables,
    optimizer,
    clip: strategy.clip,
    loss: lossOf,
    countHits: data.task === 'classification',
    dropoutRandom,
    ...(lazyEmbedding === undefined ? {} : { lazyEmbedding }),
  };
  const history: EpochMetrics[] = resume ? [...resume.history] : [];
  const tracker = new ValLossTracker(strategy.earlyStopping);
  let stoppedEarly = false;
  // Every epoch takes stepsPerEpoch steps, so this also holds when the batch size changed.
  let globalStep = (resume?.epoch ?? 0) * stepsPerEpoch;
  let trainSeconds = resume?.history.at(-1)?.train_seconds ?? 0;
  const inferenceMsPerExample: number[] = resume ? [...resume.inferenceMsPerExample] : [];
  const checkpoint = async (epoch: number): Promise<TrainingCheckpoint> => ({
    epoch,
    globalStep,
    weights: await captureWeights(model),
    optimizer: await captureOptimizerState(optimizer),
    schedule: schedule.state(),
    random: { order: orderRandom.state(), dropout: dropoutRandom.state() },
    earlyStopping: tracker.state(),
    history: [...history],
    inferenceMsPerExample: [...inferenceMsPerExample],
  });
  try {
    if (resume) {
      restoreWeights(model, resume.weights);
      restoreOptimizerState(optimizer, resume.optimizer, variables);
      schedule.restore(resume.schedule);
      tracker.restore(resume.earlyStopping);
    }
    for (let epoch = (resume?.epoch ?? 0) + 1; epoch <= strategy.epochs; epoch++) {
      const started = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let normSum = 0;
      let normMax = 0;
      let steps = 0;
      let lr = schedule.lrAt(globalStep);
      const order = shuffled(
        Array.from({ length: data.train.count }, (_, i) => i),
        orderRandom,
      );
      let stepInEpoch = 0;
      for (const indices of batchesOf(order, strategy.batchSize)) {
        stepInEpoch += 1;
        await yieldToEventLoop();
        if (signal?.aborted) throw new TrainingAbortedError(epoch, signal.reason);
        lr = schedule.lrAt(globalStep);
        optimizer.setLearningRate(lr);
        const { x, y } = makeBatch(data.train, indices, strategy.truncation);
        let step: StepResult;
        try {
          step = await trainStep(stepInputs, x, y);
        } finally {
          tf.dispose([x, y]);
        }
        if (!Number.isFinite(step.loss)) throw new DivergedError(epoch, stepInEpoch, step.loss);
        lossSum += step.loss * indices.length;
        correct += step.hits;
        seen += indices.length;
        normSum += step.preClipNorm;
        normMax = Math.max(normMax, step.preClipNorm);
        steps += 1;
        globalStep += 1;
      }
      const seconds = (performance.now() - started) / 1000;
      trainSeconds += seconds;
      const validationStarted = performance.now();
      const validation = await evaluate(model, data.validation, data.task, data.classes, Math.max(strategy.batchSize, 128));
      inferenceMsPerExample.push((performance.now() - validationStarted) / data.validation.count);
      const metrics: EpochMetrics = {
        epoch,
        loss: lossSum / seen,
        val_loss: validation.loss,
        ...(data.task === 'classification'
          ? { accuracy: correct / seen, val_accuracy: validation.accuracy!, val_f1: validation.macroF1! }
          : { mse: lossSum / seen, val_mse: validation.mse! }),
        grad_norm_mean: normSum / steps,
        grad_norm_max: normMax,
        lr,
        epoch_seconds: seconds,
        examples_per_second: seen / seconds,
        train_seconds: trainSeconds,
        inference_ms_per_example: median(inferenceMsPerExample),
      };
      history.push(metrics);
      schedule.onEpochEnd(epoch, validation.loss);
      const stop = tracker.record(epoch, validation.loss);
      await onEpoch?.(metrics, { checkpoint: () => checkpoint(epoch) });
      if (stop) {
        stoppedEarly = epoch < strategy.epochs;
        break;
      }
    }
  } finally {
    optimizer.dispose();
    classWeights?.dispose();
    releaseDropoutMasks(model);
  }
  const final = history[history.length - 1];
  if (!final) throw new ConfigError('training ran no epoch');
  return { history, final, bestEpoch: tracker.bestEpoch, stoppedEarly };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * tfjs-layers' recurrent cells keep their last recurrent-dropout masks alive (tf.keep) until the
 * next call; release them so training leaves no tensor behind.
 */
function releaseDropoutMasks(model: tfl.LayersModel): void {
  const visit = (layer: unknown): void => {
    const l = layer as { cell?: Record<string, unknown>; forwardLayer?: unknown; backwardLayer?: unknown };
    if (l.cell) {
      for (const key of ['dropoutMask', 'recurrentDropoutMask'] as const) {
        const mask = l.cell[key] as tf.Tensor | tf.Tensor[] | null | undefined;
        if (mask) tf.dispose(mask);
        if (key in l.cell) l.cell[key] = null;
      }
    }
    if (l.forwardLayer) visit(l.forwardLayer);
    if (l.backwardLayer) visit(l.backwardLayer);
  };
  model.layers.forEach(visit);
}
