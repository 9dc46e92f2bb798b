/**
 * An optimizer's state as plain data (typed arrays and numbers), so that training can stop and
 * continue bit for bit: every slot variable (Adam's m and v, momentum's accumulators, RMSprop's
 * mean squares, …), the scalar variables some optimizers step (Adam's β₁ᵗ and β₂ᵗ, Adamax's
 * iteration) and the iteration count.
 *
 * tfjs's own getWeights/setWeights are not enough: Adam's setWeights recomputes β^t with `pow`,
 * which need not equal the product the steps accumulated, and Adamax's throw.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';
import type { OptimizerName } from './strategy.js';
import type { TrainingOptimizer } from './optimizers.js';

/** One tensor as plain data. */
export interface TensorData {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

export interface OptimizerState {
  readonly name: OptimizerName;
  /** Completed steps (tfjs's `iterations`). */
  readonly iterations: number;
  /**
   * Slot variables by the optimizer's field name (e.g. `accumulatedFirstMoment`), one entry per
   * trained variable in the order the training loop passes them.
   */
  readonly slots: Readonly<Record<string, readonly TensorData[]>>;
  /** Scalar state variables by field name (`accBeta1`, `accBeta2`, `iteration`), float32 values. */
  readonly scalars: Readonly<Record<string, number>>;
  /** The β₁/β₂ the scalars were accumulated with (Adam, Adamax), to redo them for other betas. */
  readonly betas?: { readonly beta1: number; readonly beta2?: number };
}

interface SlotEntry {
  originalName: string;
  variable: tf.Variable;
}

type Fields = Record<string, unknown>;

function isSlotArray(value: unknown): value is SlotEntry[] {
  return (
    Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && 'originalName' in v && (v as SlotEntry).variable instanceof tf.Variable)
  );
}

/** The optimizer's fields holding slot arrays and scalar variables (both exist from construction). */
function stateFields(inner: tf.Optimizer): { slots: string[]; scalars: string[] } {
  const fields = inner as unknown as Fields;
  const slots: string[] = [];
  const scalars: string[] = [];
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value instanceof tf.Variable && value.rank === 0) scalars.push(key);
    else if (key.startsWith('accum') && isSlotArray(value)) slots.push(key);
  }
  return { slots, scalars };
}

function betasOf(inner: tf.Optimizer): OptimizerState['betas'] {
  const { beta1, beta2 } = inner as unknown as { beta1?: unknown; beta2?: unknown };
  if (typeof beta1 !== 'number') return undefined;
  return typeof beta2 === 'number' ? { beta1, beta2 } : { beta1 };
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  if (t.dtype !== 'float32') throw new ConfigError(`cannot checkpoint a ${t.dtype} tensor`);
  // A copy: a backend may hand out its own buffer.
  return (await t.data<'float32'>()).slice();
}

/** Copies the optimizer's state out (the optimizer keeps running). */
export async function captureOptimizerState(optimizer: TrainingOptimizer): Promise<OptimizerState> {
  const { inner } = optimizer;
  const fields = inner as unknown as Fields;
  const { slots: slotKeys, scalars: scalarKeys } = stateFields(inner);
  const slots: Record<string, TensorData[]> = {};
  for (const key of slotKeys) {
    const entries = fields[key] as SlotEntry[];
    slots[key] = await Promise.all(entries.map(async (e) => ({ shape: [...e.variable.shape], values: await read(e.variable) })));
  }
  const scalars: Record<string, number> = {};
  for (const key of scalarKeys) scalars[key] = (await read(fields[key] as tf.Variable))[0] as number;
  const betas = betasOf(inner);
  return { name: optimizer.name, iterations: inner.iterations, slots, scalars, ...(betas ? { betas } : {}) };
}

/**
 * Loads `state` into a fresh optimizer of the same name that will train `variables` (the training
 * loop's map, in its order). Hyperparameters stay the optimizer's own (lr, momentum, rho, …); when
 * its β₁ or β₂ differ from the state's, the accumulated powers are recomputed for the new betas.
 *
 * @throws ConfigError when the optimizer name differs or a slot does not fit its variable
 */
export function restoreOptimizerState(optimizer: TrainingOptimizer, state: OptimizerState, variables: ReadonlyMap<string, tf.Variable>): void {
  if (state.name !== optimizer.name) throw new ConfigError(`optimizer state of ${state.name} cannot be restored into ${optimizer.name}`);
  const { inner } = optimizer;
  const fields = inner as unknown as Fields;
  const { slots: slotKeys, scalars: scalarKeys } = stateFields(inner);
  const targets = [...variables.entries()];
  for (const key of slotKeys) {
    const saved = state.slots[key];
    if (saved === undefined) throw new ConfigError(`optimizer state of ${state.name} lacks its ${key}`);
    if (saved.length !== 0 && saved.length !== targets.length) {
      throw new ConfigError(`optimizer ${key} has ${saved.length} slots, the model ${targets.length} trained variables`);
    }
    saved.forEach((slot, i) => {
      const [name, variable] = targets[i] as [string, tf.Variable];
      if (slot.shape.length !== variable.shape.length || slot.shape.some((d, j) => d !== variable.shape[j])) {
        throw new ConfigError(`optimizer ${key} slot ${i} has shape [${slot.shape.join(', ')}], variable ${name} [${variable.shape.join(', ')}]`);
      }
    });
  }
  for (const key of slotKeys) {
    const saved = state.slots[key] as readonly TensorData[];
    tf.dispose((fields[key] as SlotEntry[]).map((e) => e.variable));
    const suffix = key === 'accumulatedSecondMoment' ? 'v' : key === 'accumulatedFirstMoment' ? 'm' : key;
    fields[key] = saved.map((slot, i) => ({
      originalName: `${(targets[i] as [string, tf.Variable])[0]}/${suffix}`,
      variable: tf.tidy(() => tf.variable(tf.tensor(slot.values, [...slot.shape], 'float32'), false)),
    }));
  }
  const betas = betasOf(inner);
  const sameBetas = betas?.beta1 === state.betas?.beta1 && betas?.beta2 === state.betas?.beta2;
  for (const key of scalarKeys) {
    let value = state.scalars[key];
    if (value === undefined) throw new ConfigError(`optimizer state of ${state.name} lacks its ${key}`);
    // β^(t+1) after t steps (tfjs starts the power at β); recomputed only when the betas changed.
    if (!sameBetas && betas && key === 'accBeta1') value = betas.beta1 ** (state.iterations + 1);
    if (!sameBetas && betas?.beta2 !== undefined && key === 'accBeta2') value = betas.beta2 ** (state.iterations + 1);
    const variable = fields[key] as tf.Variable;
    tf.tidy(() => variable.assign(tf.scalar(value, 'float32')));
  }
  (inner as unknown as { iterations_: number }).iterations_ = state.iterations;
}
