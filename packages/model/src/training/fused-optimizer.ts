/**
 * The fused optimizer step on `wasm` and `cpu`: one pass over all variables per step that updates
 * each weight and its slots in place in the backend's memory, instead of tfjs's ~10 ops (and as
 * many temporary tensors) per variable.
 *
 * The state stays where tfjs keeps it — the slot variables and scalars of the wrapped tfjs
 * optimizer (`inner`), created as tfjs creates them — so captureOptimizerState and
 * restoreOptimizerState read and write both paths alike, and a step falls back to tfjs's ops
 * (same state, same results) when the backend's memory cannot be reached.
 *
 * Lazy updates (`rows`): only the given rows of a variable (and of its slots) change, as in
 * TensorFlow's sparse applies (ResourceSparseApplyAdam/LazyAdam, …Momentum, …RMSProp,
 * …Adagrad): see {@link TrainingOptimizer.applyGradients}.
 */
import * as tf from '@tensorflow/tfjs-core';
import { tensorMemory, type TensorMemory } from '../backends/tensor-memory.js';
import { ConfigError } from '../errors.js';
import { LAZY_OPTIMIZERS, type OptimizerName } from './strategy.js';
import type { TrainingOptimizer } from './optimizers.js';
import { checkGradients, OpsOptimizer } from './ops-optimizer.js';
import { JS_RULES, type Decay, type RuleSet, type UpdateRule } from './fused-rules.js';
import { kernelRules } from './kernel-rules.js';
import { optimizerKernelOn } from '../kernels/load-optimizer-kernel.js';
import { decaysWeight } from './weight-decay.js';

/**
 * The optimizers with a fused step, hence with a lazy one; adamax and adadelta stay op by op (the
 * least used two; Adamax's state cannot even be checkpointed).
 */
export const FUSED_OPTIMIZERS = LAZY_OPTIMIZERS;
export type FusedOptimizerName = (typeof FUSED_OPTIMIZERS)[number];

export function isFusedOptimizer(name: OptimizerName): name is FusedOptimizerName {
  return (FUSED_OPTIMIZERS as readonly string[]).includes(name);
}

/** The hyperparameters with their defaults filled in (optimizers.ts owns the defaults). */
export interface FusedSettings {
  readonly momentum: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly rho: number;
  readonly epsilon: number;
  readonly weightDecay: number;
}

/** The tfjs fields holding each optimizer's slots, and the name suffix tfjs gives them. */
const SLOT_FIELDS: Record<FusedOptimizerName, readonly { readonly field: string; readonly suffix: string }[]> = {
  sgd: [],
  momentum: [{ field: 'accumulations', suffix: 'momentum' }],
  nesterov: [{ field: 'accumulations', suffix: 'momentum' }],
  adam: [
    { field: 'accumulatedFirstMoment', suffix: 'm' },
    { field: 'accumulatedSecondMoment', suffix: 'v' },
  ],
  adamw: [
    { field: 'accumulatedFirstMoment', suffix: 'm' },
    { field: 'accumulatedSecondMoment', suffix: 'v' },
  ],
  rmsprop: [
    { field: 'accumulatedMeanSquares', suffix: 'rms' },
    { field: 'accumulatedMoments', suffix: 'momentum' },
  ],
  adagrad: [{ field: 'accumulatedGrads', suffix: 'accumulator' }],
};

type SlotArray = ({ originalName: string; variable: tf.Variable } | undefined)[];

/** One variable's share of a step, gathered before any view is taken (owning can grow the heap). */
interface Work {
  readonly name: string;
  readonly variable: tf.Variable;
  readonly grad: tf.Tensor;
  readonly slots: readonly tf.Variable[];
  readonly rows: tf.Tensor | undefined;
  /** The buffer the new weight is written to. */
  readonly out: tf.Tensor;
}

export class FusedOptimizer implements TrainingOptimizer {
  private readonly ops: OpsOptimizer;
  private disposed = false;

  constructor(
    readonly name: FusedOptimizerName,
    inner: tf.Optimizer,
    lr: number,
    private readonly settings: FusedSettings,
  ) {
    this.ops = new OpsOptimizer(name, inner, lr, settings.weightDecay);
  }

  /**
   * True on `wasm` and `cpu`, where a lazy step can run; elsewhere each step falls back to tfjs's
   * ops. (On `wasm` without the kernel, a dense step also goes op by op: see applyGradients.)
   */
  get fused(): boolean {
    return tensorMemory() !== undefined;
  }

  get inner(): tf.Optimizer {
    return this.ops.inner;
  }

  get learningRate(): number {
    return this.ops.learningRate;
  }

  /** Also keeps the tfjs optimizer's rate in step, for the op-by-op fallback. */
  setLearningRate(lr: number): void {
    this.ops.setLearningRate(lr);
  }

  applyGradients(grads: tf.NamedTensorMap, variables: ReadonlyMap<string, tf.Variable>, rows?: ReadonlyMap<string, tf.Tensor>): void {
    checkGradients(this.name, this.disposed, grads, variables);
    for (const [key, ids] of rows ?? []) {
      const variable = variables.get(key);
      if (variable === undefined) throw new ConfigError(`rows given for ${key}, which is not among the variables`);
      if (variable.rank < 1) throw new ConfigError(`rows given for ${key}, a scalar`);
      if (ids.dtype !== 'int32') throw new ConfigError(`rows of ${key} must be int32 ids, got ${ids.dtype}`);
    }
    const memory = tensorMemory();
    const all = [...variables.values(), ...Object.values(grads), ...(rows?.values() ?? [])];
    if (memory === undefined || !all.every((t) => memory.holds(t))) {
      this.ops.applyGradients(grads, variables, rows);
      return;
    }
    // Instantiating the kernel allocates nothing in tfjs's heap.
    const kernel = memory.heap === undefined ? undefined : optimizerKernelOn(memory.heap);
    if (tf.getBackend() === 'wasm' && kernel === undefined && (rows === undefined || rows.size === 0)) {
      // No kernel on wasm (tfjs's multi-threaded build shares its memory): tfjs's SIMD ops beat the
      // JavaScript loop there (1.3 against 2.3 ms per Adam step on the 5000×64 embedding model),
      // so only a lazy step, which tfjs cannot do, takes the loop.
      this.ops.applyGradients(grads, variables);
      return;
    }
    this.step(memory, kernel === undefined ? JS_RULES : kernelRules(kernel), grads, variables, rows);
  }

  private step(
    memory: TensorMemory,
    rules: RuleSet,
    grads: tf.NamedTensorMap,
    variables: ReadonlyMap<string, tf.Variable>,
    rows: ReadonlyMap<string, tf.Tensor> | undefined,
  ): void {
    const inner = this.inner as unknown as Record<string, unknown>;
    const slotArrays = SLOT_FIELDS[this.name].map(({ field }) => inner[field] as SlotArray);
    const work: Work[] = [];
    try {
      // Phase 1, which may allocate: slots made as tfjs makes them (also for a variable without a
      // gradient, so positions stay tfjs's), slots made their variable's own, a fresh buffer for
      // every new weight (see tensor-memory.ts for why weights are never written in place).
      let position = 0;
      for (const [name, variable] of variables) {
        const slots = SLOT_FIELDS[this.name].map(({ suffix }, k) => this.slot(slotArrays[k] as SlotArray, position, name, suffix, variable));
        position += 1;
        const grad = grads[name];
        if (grad === undefined) continue;
        slots.forEach((slot) => memory.own(slot));
        work.push({ name, variable, grad, slots, rows: rows?.get(name), out: memory.fresh(variable.shape) });
      }
      const adam = this.name === 'adam' || this.name === 'adamw';
      const accBeta1 = inner.accBeta1 as tf.Variable;
      const accBeta2 = inner.accBeta2 as tf.Variable;
      if (adam) {
        memory.own(accBeta1);
        memory.own(accBeta2);
      }
      // Phase 2: views (valid until the next allocation) and the arithmetic. Rows are checked
      // before the first write, so bad ids leave every weight and slot as it was.
      const touched = work.map((job) => (job.rows === undefined ? undefined : rowRuns(memory.ints(job.rows), job.variable.shape[0], job.name)));
      const beta = adam ? { accBeta1: memory.floats(accBeta1), accBeta2: memory.floats(accBeta2) } : undefined;
      work.forEach((job, j) => {
        const rule = this.rule(rules, job.name, beta);
        const w = memory.floats(job.variable);
        const out = memory.floats(job.out);
        const g = memory.floats(job.grad);
        const slots = job.slots.map((slot) => memory.floats(slot));
        const runs = touched[j];
        if (runs === undefined) {
          rule(w, out, g, slots, 0, w.length);
          return;
        }
        // Lazy: every row starts as it was; the touched ones are then stepped.
        out.set(w);
        const width = w.length / job.variable.shape[0];
        for (let r = 0; r < runs.length; r += 2) rule(w, out, g, slots, (runs[r] as number) * width, (runs[r + 1] as number) * width);
      });
      if (beta) {
        // tfjs: accBeta ← accBeta·β after the step, in float32.
        beta.accBeta1[0] = Math.fround((beta.accBeta1[0] as number) * Math.fround(this.settings.beta1));
        beta.accBeta2[0] = Math.fround((beta.accBeta2[0] as number) * Math.fround(this.settings.beta2));
      }
      // Frees each old weight (and with it anything a kernel cached from it).
      for (const job of work) job.variable.assign(job.out);
      (inner as unknown as { iterations_: number }).iterations_ = this.inner.iterations + 1;
    } finally {
      tf.dispose(work.map((job) => job.out));
    }
  }

  private slot(slots: SlotArray, position: number, name: string, suffix: string, variable: tf.Variable): tf.Variable {
    let entry = slots[position];
    if (entry === undefined || entry === null) {
      const initial = this.name === 'adagrad' ? (this.inner as unknown as { initialAccumulatorValue: number }).initialAccumulatorValue : 0;
      entry = { originalName: `${name}/${suffix}`, variable: tf.tidy(() => tf.fill(variable.shape, initial).variable(false)) };
      slots[position] = entry;
    }
    return entry.variable;
  }

  private rule(rules: RuleSet, name: string, beta: { accBeta1: Float32Array; accBeta2: Float32Array } | undefined): UpdateRule {
    const { settings } = this;
    const lr = this.learningRate;
    const decays = settings.weightDecay > 0 && decaysWeight(name);
    const decoupled = this.name === 'adamw';
    const decay: Decay = { l2: decays && !decoupled ? settings.weightDecay : 0, shrink: decays && decoupled ? lr * settings.weightDecay : 0 };
    switch (this.name) {
      case 'sgd':
        return rules.sgd(lr, decay);
      case 'momentum':
      case 'nesterov':
        return rules.momentum(lr, settings.momentum, this.name === 'nesterov', decay);
      case 'rmsprop':
        return rules.rmsprop(lr, settings.rho, settings.momentum, settings.epsilon, decay);
      case 'adagrad':
        return rules.adagrad(lr, tf.backend().epsilon(), decay);
      case 'adam':
      case 'adamw':
        return rules.adam(
          {
            lr,
            beta1: settings.beta1,
            beta2: settings.beta2,
            epsilon: settings.epsilon,
            accBeta1: beta?.accBeta1[0] ?? NaN,
            accBeta2: beta?.accBeta2[0] ?? NaN,
          },
          decay,
        );
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ops.dispose();
  }
}

/**
 * The rows among `ids` as runs of consecutive rows [start, end), each row once: a repeated id's
 * gradient is already summed (the gradient of a gather is a segment sum), so its row takes one
 * step, as in TensorFlow's sparse applies on a deduplicated gradient. Runs, so that the kernel is
 * called once per run rather than once per row.
 *
 * @throws ConfigError when an id is not a row of the variable
 */
function rowRuns(ids: Int32Array, rowCount: number, name: string): number[] {
  const seen = new Uint8Array(rowCount + 1);
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i] as number;
    if (!(row >= 0 && row < rowCount)) throw new ConfigError(`row id ${row} of ${name} is not in [0, ${rowCount - 1}]`);
    seen[row] = 1;
  }
  const runs: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    if (seen[row] === 0) continue;
    const start = row;
    while (seen[row + 1] === 1) row++;
    runs.push(start, row + 1);
  }
  return runs;
}
