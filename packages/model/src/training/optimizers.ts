/**
 * The nine optimizers of a training strategy, on top of tfjs's own, with weight decay and a
 * learning rate that a schedule can change between steps.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import { OPTIMIZER_NAMES } from './strategy.js';
import type { OptimizerConfig, OptimizerName } from './strategy.js';
import { decaysWeight } from './weight-decay.js';

export { decaysWeight } from './weight-decay.js';

/** Defaults for the optional fields of {@link OptimizerConfig} (documented there). */
const DEFAULTS = {
  momentum: 0.9,
  rmspropMomentum: 0,
  beta1: 0.9,
  beta2: 0.999,
  rmspropRho: 0.9,
  adadeltaRho: 0.95,
  epsilon: 1e-7,
  weightDecay: 0,
} as const;

/** An optimizer as the training loop drives it. */
export interface TrainingOptimizer {
  readonly name: OptimizerName;
  /**
   * Sets the learning rate used from the next {@link TrainingOptimizer.applyGradients} on.
   * @throws ConfigError when lr is negative or not finite (0 is allowed: a schedule may end there)
   */
  setLearningRate(lr: number): void;
  /** The learning rate the next step uses. */
  readonly learningRate: number;
  /**
   * Applies already-clipped gradients. For every optimizer but adamw, adds the L2 term λ·w to the
   * gradient of each decayed variable ({@link decaysWeight}); for adamw, applies the decoupled decay
   * w ← w − lr·λ·w with the pre-step w (Loshchilov & Hutter), so the result is
   * w − lr·λ·w − (Adam's update).
   *
   * `variables` must be keyed by each variable's registered name (as `tf.variableGrads` keys its
   * gradients) and be the same map, in the same order, at every step: tfjs optimizers keep their
   * slot state (moments, accumulators) by position, not by name. A variable without a gradient is
   * skipped but keeps its position. The caller still owns `grads`.
   *
   * @throws Error when a gradient names a variable that is not in `variables`, when a map key is
   *   not its variable's name, or after {@link TrainingOptimizer.dispose}
   */
  applyGradients(grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>): void;
  /**
   * The tfjs optimizer, for saving and loading its weights (`getWeights`/`setWeights`). tfjs 4.22's
   * Adamax throws from both: its state cannot be saved.
   */
  readonly inner: tf.Optimizer;
  /** Frees the optimizer's state tensors; `model.dispose()` does not. Safe to call twice. */
  dispose(): void;
}

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function requirePositive(key: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`optimizer.${key} must be a positive finite number, got ${show(value)}`);
  }
}

function requireNonNegative(key: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(`optimizer.${key} must be a non-negative finite number, got ${show(value)}`);
  }
}

function requireUnitInterval(key: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new ConfigError(`optimizer.${key} must be in [0, 1), got ${show(value)}`);
  }
}

/**
 * Checks an optimizer config without building anything. Every field given is checked, also one the
 * named optimizer ignores (e.g. beta1 for sgd), so a bad sweep range fails on its first trial.
 *
 * @throws ConfigError naming the first invalid field, e.g.
 *   `optimizer.lr must be a positive finite number, got -1`
 */
export function validateOptimizerConfig(config: OptimizerConfig): void {
  if (!(OPTIMIZER_NAMES as readonly unknown[]).includes(config.name)) {
    throw new ConfigError(`optimizer.name must be one of ${OPTIMIZER_NAMES.join(', ')}, got ${show(config.name)}`);
  }
  requirePositive('lr', config.lr);
  if (config.momentum !== undefined) requireUnitInterval('momentum', config.momentum);
  if (config.beta1 !== undefined) requireUnitInterval('beta1', config.beta1);
  if (config.beta2 !== undefined) requireUnitInterval('beta2', config.beta2);
  if (config.rho !== undefined) requireUnitInterval('rho', config.rho);
  if (config.epsilon !== undefined) requirePositive('epsilon', config.epsilon);
  if (config.weightDecay !== undefined) requireNonNegative('weightDecay', config.weightDecay);
}

function buildInner(config: OptimizerConfig): tf.Optimizer {
  const { lr } = config;
  const beta1 = config.beta1 ?? DEFAULTS.beta1;
  const beta2 = config.beta2 ?? DEFAULTS.beta2;
  const epsilon = config.epsilon ?? DEFAULTS.epsilon;
  switch (config.name) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
    case 'nesterov': {
      const inner = tf.train.momentum(lr, config.momentum ?? DEFAULTS.momentum, config.name === 'nesterov');
      // MomentumOptimizer makes its momentum scalar `m` without tf.keep, so building it inside a
      // caller's tf.tidy would leave it disposed at the first step.
      const m = (inner as unknown as { m?: unknown }).m;
      if (m instanceof tf.Tensor) tf.keep(m);
      return inner;
    }
    case 'adam':
    case 'adamw':
      return tf.train.adam(lr, beta1, beta2, epsilon);
    case 'adamax':
      return tf.train.adamax(lr, beta1, beta2, epsilon, 0);
    case 'rmsprop':
      return tf.train.rmsprop(lr, config.rho ?? DEFAULTS.rmspropRho, config.momentum ?? DEFAULTS.rmspropMomentum, epsilon, false);
    case 'adagrad':
      // tfjs's Adagrad takes no epsilon (it uses the backend's: 1e-7 on cpu/wasm); the initial
      // accumulator 0.1 is the Keras default.
      return tf.train.adagrad(lr, 0.1);
    case 'adadelta':
      return tf.train.adadelta(lr, config.rho ?? DEFAULTS.adadeltaRho, epsilon);
  }
}

/** A gradient list in tfjs's array form: unlike a map, it can hold a null (skipped) entry. */
type GradientList = { name: string; tensor: tf.Tensor | null }[];

class WrappedOptimizer implements TrainingOptimizer {
  private lr: number;
  private disposed = false;

  constructor(
    readonly name: OptimizerName,
    readonly inner: tf.Optimizer,
    lr: number,
    private readonly weightDecay: number,
  ) {
    this.lr = lr;
  }

  get learningRate(): number {
    return this.lr;
  }

  setLearningRate(lr: number): void {
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
      throw new ConfigError(`learning rate must be a non-negative finite number, got ${show(lr)}`);
    }
    this.lr = lr;
    // Not `instanceof SGDOptimizer`: tfjs makes every optimizer an instance of every optimizer
    // class (Symbol.hasInstance on Optimizer checks only for minimize/applyGradients).
    if (this.inner instanceof tf.SGDOptimizer && typeof this.inner.setLearningRate === 'function') {
      // SGD and Momentum step with a cached scalar c = −lr; only setLearningRate rebuilds it.
      this.inner.setLearningRate(lr);
    } else {
      // The others read `this.learningRate` afresh in every applyGradients; it is protected only in
      // the type declarations.
      (this.inner as unknown as { learningRate: number }).learningRate = lr;
    }
  }

  applyGradients(grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>): void {
    if (this.disposed) throw new Error(`the ${this.name} optimizer was disposed`);
    // Check everything before touching a weight, so a bad call leaves the model as it was.
    for (const name of Object.keys(grads)) {
      if (!variables.has(name)) throw new Error(`gradient for ${name}, which is not among the variables`);
    }
    for (const [name, variable] of variables) {
      if (variable.name !== name) throw new Error(`variable ${variable.name} is keyed as ${name}`);
    }
    const decoupled = this.name === 'adamw';
    tf.tidy(() => {
      const list: GradientList = [];
      for (const [name, variable] of variables) {
        const grad = grads[name];
        if (grad === undefined) {
          list.push({ name, tensor: null });
          continue;
        }
        const decays = this.weightDecay > 0 && decaysWeight(name);
        if (decays && decoupled) {
          // Adam's update does not depend on w, so decaying first equals the paper's
          // w − lr·λ·w_old − lr·adam(g) while avoiding a copy of w_old.
          variable.assign(tf.sub(variable, tf.mul(variable, this.lr * this.weightDecay)));
        }
        list.push({ name, tensor: decays && !decoupled ? tf.add(grad, tf.mul(variable, this.weightDecay)) : grad });
      }
      // tfjs skips a null gradient (after creating its slots), which keeps slot positions stable.
      this.inner.applyGradients(list as { name: string; tensor: tf.Tensor }[]);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.inner.dispose();
    // MomentumOptimizer.dispose overrides SGD's without disposing the cached −lr scalar `c`.
    const c = (this.inner as unknown as { c?: unknown }).c;
    if (c instanceof tf.Tensor) c.dispose();
  }
}

/**
 * Builds an optimizer from its config. Defaults: momentum 0.9 (momentum, nesterov) or 0 (rmsprop);
 * beta1 0.9, beta2 0.999; rho 0.9 (rmsprop) or 0.95 (adadelta); epsilon 1e-7 (adagrad ignores it);
 * weightDecay 0. Fields the named optimizer does not use are checked, then ignored.
 *
 * @throws ConfigError when a field is invalid (see {@link validateOptimizerConfig})
 */
export function createOptimizer(config: OptimizerConfig): TrainingOptimizer {
  validateOptimizerConfig(config);
  return new WrappedOptimizer(config.name, buildInner(config), config.lr, config.weightDecay ?? DEFAULTS.weightDecay);
}
