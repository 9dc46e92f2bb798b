/**
 * The nine optimizers of a training strategy, on top of tfjs's own, with weight decay and a
 * learning rate that a schedule can change between steps. On `wasm` and `cpu` the step of sgd,
 * momentum, nesterov, adam, adamw, rmsprop and adagrad is fused (fused-optimizer.ts); adamax,
 * adadelta and every optimizer on `webgpu` step op by op (ops-optimizer.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import { OPTIMIZER_NAMES } from './strategy.js';
import type { OptimizerConfig, OptimizerName } from './strategy.js';
import { FusedOptimizer, isFusedOptimizer } from './fused-optimizer.js';
import { OpsOptimizer, show } from './ops-optimizer.js';

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
   * Whether the step is fused on the current backend (sgd, momentum, nesterov, adam, adamw,
   * rmsprop and adagrad on `wasm` and `cpu`): one pass per variable that reads weight, gradient
   * and slots once, writes the slots in place and the weight to a fresh buffer, and equals the
   * op-by-op step bit for bit. Its state stays in {@link TrainingOptimizer.inner}'s slots, so
   * checkpoints are the same either way. Only a fused step takes `rows`.
   */
  readonly fused: boolean;
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
   * `rows` makes the update of a variable lazy: for each variable named there, only the rows
   * (indices on its first axis, int32, any shape, repeats allowed) in its tensor are updated —
   * weight, slots and weight decay alike; every other row keeps its weight and its slots as they
   * were. Scalar state (Adam's β₁ᵗ, β₂ᵗ, the iteration count) advances once per step as usual, so
   * a row's bias correction uses the global step. With every row given, the result equals the
   * dense step bit for bit. Only a {@link TrainingOptimizer.fused} step takes rows.
   *
   * @throws Error when a gradient names a variable that is not in `variables`, when a map key is
   *   not its variable's name, or after {@link TrainingOptimizer.dispose}
   * @throws ConfigError when `rows` is given to a step that is not fused, names an unknown or scalar
   *   variable, is not int32, or holds an id outside the variable's rows
   */
  applyGradients(grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>, rows?: ReadonlyMap<string, tf.Tensor>): void;
  /**
   * The tfjs optimizer, for saving and loading its weights (`getWeights`/`setWeights`). tfjs 4.22's
   * Adamax throws from both: its state cannot be saved.
   */
  readonly inner: tf.Optimizer;
  /** Frees the optimizer's state tensors; `model.dispose()` does not. Safe to call twice. */
  dispose(): void;
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

/** How {@link createOptimizer} steps: fused where it can (the default), or always op by op. */
export interface CreateOptimizerOptions {
  readonly step?: 'fused' | 'ops';
}

/**
 * Builds an optimizer from its config. Defaults: momentum 0.9 (momentum, nesterov) or 0 (rmsprop);
 * beta1 0.9, beta2 0.999; rho 0.9 (rmsprop) or 0.95 (adadelta); epsilon 1e-7 (adagrad ignores it);
 * weightDecay 0. Fields the named optimizer does not use are checked, then ignored.
 *
 * `LOOPSWEEP_OPTIMIZER_STEP=ops` in the environment makes every optimizer step op by op: a
 * diagnostic, to measure what the fused step buys.
 *
 * @throws ConfigError when a field is invalid (see {@link validateOptimizerConfig})
 */
export function createOptimizer(config: OptimizerConfig, options: CreateOptimizerOptions = {}): TrainingOptimizer {
  validateOptimizerConfig(config);
  const inner = buildInner(config);
  const weightDecay = config.weightDecay ?? DEFAULTS.weightDecay;
  const forcedOps = options.step === 'ops' || globalThis.process?.env['LOOPSWEEP_OPTIMIZER_STEP'] === 'ops';
  if (forcedOps || !isFusedOptimizer(config.name)) return new OpsOptimizer(config.name, inner, config.lr, weightDecay);
  const rmsprop = config.name === 'rmsprop';
  return new FusedOptimizer(config.name, inner, config.lr, {
    momentum: config.momentum ?? (rmsprop ? DEFAULTS.rmspropMomentum : DEFAULTS.momentum),
    beta1: config.beta1 ?? DEFAULTS.beta1,
    beta2: config.beta2 ?? DEFAULTS.beta2,
    rho: config.rho ?? DEFAULTS.rmspropRho,
    epsilon: config.epsilon ?? DEFAULTS.epsilon,
    weightDecay,
  });
}
