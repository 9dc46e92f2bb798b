/**
 * Gradient clipping. tfjs 4.22 has no clipByGlobalNorm and its optimizers take no clipnorm, so the
 * training loop clips here, between computing the gradients and applying them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import { CLIP_TYPES } from './strategy.js';
import type { ClipConfig } from './strategy.js';

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function requirePositive(key: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`clip.${key} must be a positive finite number, got ${show(value)}`);
  }
}

/**
 * Checks a clip config, so a bad one fails before training starts.
 * @throws ConfigError for an unknown type, or a value / maxNorm that is not a positive finite number
 */
export function validateClipConfig(config: ClipConfig): void {
  switch (config.type) {
    case 'none':
      return;
    case 'value':
      return requirePositive('value', config.value);
    case 'global_norm':
      return requirePositive('maxNorm', config.maxNorm);
    default:
      throw new ConfigError(`clip.type must be one of ${CLIP_TYPES.join(', ')}, got ${show((config as { type: unknown }).type)}`);
  }
}

/**
 * The global L2 norm of all gradients together, √(Σ over every tensor of Σ g²) (Pascanu et al.
 * 2013), not a norm per tensor. 0 for no gradients.
 *
 * @returns a new scalar that the caller disposes (or that lives in the caller's tf.tidy)
 */
export function globalNorm(grads: tf.NamedTensorMap): tf.Scalar {
  return tf.tidy(() => {
    const squares = Object.values(grads).map((g) => tf.sum<tf.Scalar>(tf.square(g)));
    const total: tf.Scalar = squares.length === 0 ? tf.scalar(0) : tf.addN(squares);
    return tf.sqrt(total);
  });
}

/**
 * Clips gradients.
 *
 * - `none`: the gradients unchanged (as copies).
 * - `value`: every element clamped to [−value, value].
 * - `global_norm`: every tensor multiplied by maxNorm / max(norm, maxNorm), with norm the
 *   {@link globalNorm}: one factor for all, so the update keeps its direction, and a factor of
 *   exactly 1 when norm ≤ maxNorm. A non-finite norm gives non-finite gradients; the training
 *   loop's loss check, not clipping, deals with divergence.
 *
 * @param grads keyed by variable name; untouched, and still the caller's to dispose
 * @returns new tensors, same keys: the clipped gradients and `preClipNorm`, the global norm before
 *   clipping (for every type, for logging). The caller disposes them, or calls this inside a
 *   tf.tidy that does.
 * @throws ConfigError when the config is invalid (see {@link validateClipConfig})
 */
export function clipGradients(grads: tf.NamedTensorMap, config: ClipConfig): { grads: tf.NamedTensorMap; preClipNorm: tf.Scalar } {
  validateClipConfig(config);
  return tf.tidy(() => {
    const preClipNorm = globalNorm(grads);
    const clipped: tf.NamedTensorMap = {};
    if (config.type === 'global_norm') {
      const scale = tf.div(config.maxNorm, tf.maximum(preClipNorm, config.maxNorm));
      for (const [name, g] of Object.entries(grads)) clipped[name] = tf.mul(g, scale);
    } else {
      for (const [name, g] of Object.entries(grads)) {
        // A copy even for 'none', so the caller owns the result the same way for every type.
        clipped[name] = config.type === 'value' ? tf.clipByValue(g, -config.value, config.value) : tf.clone(g);
      }
    }
    return { grads: clipped, preClipNorm };
  });
}
