/**
 * Which implementation of the recurrence a fast layer runs on the current backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Recurrence } from './recurrence.js';
import { opsRecurrence } from './ops-recurrence.js';

/** The recurrence for the backend active now: tfjs ops on every backend. */
export function selectRecurrence(): { readonly recurrence: Recurrence; readonly name: 'ops' | 'kernel' } {
  void tf.getBackend();
  return { recurrence: opsRecurrence, name: 'ops' };
}
