/**
 * The op-by-op optimizer step: tfjs's own optimizers, with weight decay added around them. Every
 * backend runs it; `webgpu` always does (its memory is on the GPU), and so do adamax and adadelta.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import type { OptimizerName } from './strategy.js';
import type { TrainingOptimizer } from './optimizers.js';
import { decaysWeight } from './weight-decay.js';

export function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * The checks every applyGradients makes before touching a weight, so a bad call leaves the model
 * as it was.
 */
export function checkGradients(name: OptimizerName, disposed: boolean, grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>): void {
  if (disposed) throw new Error(`the ${name} optimizer was disposed`);
  for (const key of Object.keys(grads)) {
    if (!variables.has(key)) throw new Error(`gradient for ${key}, which is not among the variables`);
  }
  for (const [key, variable] of variables) {
    if (variable.name !== key) throw new Error(`variable ${variable.name} is keyed as ${key}`);
  }
}

/** A gradient list in tfjs's array form: unlike a map, it can hold a null (skipped) entry. */
type GradientList = { name: string; tensor: tf.Tensor | null }[];

export class OpsOptimizer implements TrainingOptimizer {
  readonly fused = false;
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

  applyGradients(grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>, rows?: ReadonlyMap<string, tf.Tensor>): void {
    checkGradients(this.name, this.disposed, grads, variables);
    if (rows !== undefined && rows.size > 0) {
      throw new ConfigError(
        `lazy (row-wise) updates need the fused ${this.name} step, on the wasm or cpu backend; the ${tf.getBackend()} backend updates op by op (use embedding_update dense there)`,
      );
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
