import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backends/init-backend.js';
import { tensorMemory } from '../backends/tensor-memory.js';
import { optimizerKernelOn } from '../kernels/load-optimizer-kernel.js';
import { ConfigError } from '../errors.js';
import { buildClassifier } from '../models/build-classifier.js';
import { createRandom } from '../random.js';
import { smallSpam, withoutTiming } from '../test-support/fixtures.js';
import { FUSED_OPTIMIZERS, type FusedOptimizerName } from './fused-optimizer.js';
import { captureOptimizerState, restoreOptimizerState } from './optimizer-state.js';
import { createOptimizer, type TrainingOptimizer } from './optimizers.js';
import type { OptimizerConfig } from './strategy.js';
import { train } from './train.js';

afterAll(async () => {
  await initBackend('wasm');
});

// Variable names are global in tfjs: a counter keeps each test's own.
let seq = 0;

/** An embedding table, a kernel, a bias (exempt from decay) and a variable that never gets a gradient. */
const SHAPES: Record<string, number[]> = { 'emb/embeddings': [12, 4], 'cell/kernel': [4, 3], 'cell/bias': [3], 'skip/kernel': [2] };

function uniform(random: () => number, size: number, scale: number): Float32Array {
  return Float32Array.from({ length: size }, () => (random() * 2 - 1) * scale);
}

/** Fresh variables with the same seeded values for every call. */
function makeVariables(): Map<string, tf.Variable> {
  const random = createRandom(11);
  const tag = ++seq;
  return new Map(
    Object.entries(SHAPES).map(([base, shape]) => {
      const v = tf.variable(
        tf.tensor(
          uniform(
            random,
            shape.reduce((a, b) => a * b, 1),
            1,
          ),
          shape,
        ),
        true,
        `${base}_${tag}`,
      );
      return [v.name, v];
    }),
  );
}

/** Seeded gradients for step `k` (no gradient for skip/kernel). */
function gradients(variables: Map<string, tf.Variable>, k: number): tf.NamedTensorMap {
  const random = createRandom(100 + k);
  const grads: tf.NamedTensorMap = {};
  for (const [name, v] of variables) {
    if (!name.startsWith('skip/')) grads[name] = tf.tensor(uniform(random, v.size, 0.5), v.shape);
  }
  return grads;
}

const RATES = [0.01, 0.005, 0.02, 0, 0.01];

/** Runs RATES.length steps (the lr changing between them), optionally with `rows` of the embedding. */
function run(opt: TrainingOptimizer, variables: Map<string, tf.Variable>, rows?: (k: number) => number[]): void {
  RATES.forEach((lr, k) => {
    opt.setLearningRate(lr);
    const grads = gradients(variables, k);
    const ids = rows ? tf.tensor1d(rows(k), 'int32') : undefined;
    const emb = [...variables.keys()][0] as string;
    opt.applyGradients(grads, variables, ids ? new Map([[emb, ids]]) : undefined);
    tf.dispose([...Object.values(grads), ...(ids ? [ids] : [])]);
  });
}

function config(name: FusedOptimizerName): OptimizerConfig {
  return { name, lr: 0.01, weightDecay: 0.05 };
}

const values = (variables: Map<string, tf.Variable>) => [...variables.values()].map((v) => v.dataSync().slice());

describe.each(['wasm', 'cpu'] as const)('the fused step on %s', (backend) => {
  it.each(FUSED_OPTIMIZERS)('%s equals tfjs op by op bit for bit: weights, slots and scalars', async (name) => {
    await initBackend(backend);
    const fused = createOptimizer(config(name));
    const ops = createOptimizer(config(name), { step: 'ops' });
    expect([fused.fused, ops.fused]).toEqual([true, false]);
    const a = makeVariables();
    const b = makeVariables();
    run(fused, a);
    run(ops, b);
    expect(values(a)).toEqual(values(b));
    const [stateA, stateB] = [await captureOptimizerState(fused), await captureOptimizerState(ops)];
    expect(stateA).toEqual(stateB);
    expect(stateA.iterations).toBe(RATES.length);
    // The values moved, and skip/kernel (never a gradient) did not: the comparison means something.
    const start = values(makeVariables());
    expect(values(a)[0]).not.toEqual(start[0]);
    expect(values(a)[3]).toEqual(start[3]);
    fused.dispose();
    ops.dispose();
    tf.dispose([...a.values(), ...b.values()]);
  });

  it.each(FUSED_OPTIMIZERS)('%s lazy with every row given (repeated, shuffled) equals the dense step', async (name) => {
    await initBackend(backend);
    const lazy = createOptimizer(config(name));
    const dense = createOptimizer(config(name));
    const a = makeVariables();
    const b = makeVariables();
    run(lazy, a, (k) => [11, 3, 3, ...Array.from({ length: 12 }, (_, i) => (i * 5 + k) % 12), 0]);
    run(dense, b);
    expect(values(a)).toEqual(values(b));
    expect(await captureOptimizerState(lazy)).toEqual(await captureOptimizerState(dense));
    lazy.dispose();
    dense.dispose();
    tf.dispose([...a.values(), ...b.values()]);
  });
});

describe('the WebAssembly kernel', () => {
  it("runs on the wasm backend's heap (else the comparisons above would test the JavaScript rules twice)", async () => {
    await initBackend('wasm');
    const heap = tensorMemory()?.heap;
    expect(heap).toBeDefined();
    expect(optimizerKernelOn(heap!)).toBeDefined();
    await initBackend('cpu');
    expect(tensorMemory()?.heap).toBeUndefined();
  });
});

describe('lazy rows on wasm', () => {
  it.each(FUSED_OPTIMIZERS)('%s: given rows step as in the dense run, the others keep weight and slots', async (name) => {
    await initBackend('wasm');
    const touched = [1, 4, 7];
    const lazy = createOptimizer(config(name));
    const dense = createOptimizer(config(name));
    const a = makeVariables();
    const b = makeVariables();
    const start = values(makeVariables());
    run(lazy, a, () => [7, 1, 4, 1]);
    run(dense, b);
    const [lazyEmb, denseEmb, startEmb] = [values(a)[0], values(b)[0], start[0]] as [Float32Array, Float32Array, Float32Array];
    const state = await captureOptimizerState(lazy);
    for (let row = 0; row < 12; row++) {
      const slice = (x: Float32Array) => Array.from(x.subarray(row * 4, row * 4 + 4));
      // A row's update reads only that row, so a touched row follows the dense run exactly.
      expect(slice(lazyEmb)).toEqual(slice(touched.includes(row) ? denseEmb : startEmb));
      for (const slots of Object.values(state.slots).filter((s) => s.length > 0)) {
        const slot = (slots[0] as { values: Float32Array }).values;
        if (!touched.includes(row)) expect(slice(slot)).toEqual(slice(name === 'adagrad' ? new Float32Array(48).fill(0.1) : new Float32Array(48)));
      }
    }
    // The other variables were dense in both runs.
    expect(values(a).slice(1)).toEqual(values(b).slice(1));
    lazy.dispose();
    dense.dispose();
    tf.dispose([...a.values(), ...b.values()]);
  });

  it('adam: lazy leaves a row the batch lacks alone, where dense moves it on its momentum', async () => {
    await initBackend('wasm');
    const lazy = createOptimizer({ name: 'adam', lr: 0.1 });
    const dense = createOptimizer({ name: 'adam', lr: 0.1 });
    const [wl, wd] = [0, 1].map(() => tf.variable(tf.tensor2d([[1], [1]]), true, `emb/embeddings_${++seq}`)) as [tf.Variable, tf.Variable];
    const step = (opt: TrainingOptimizer, w: tf.Variable, g: number[][], ids?: number[]) => {
      const grad = tf.tensor2d(g);
      const rows = ids ? tf.tensor1d(ids, 'int32') : undefined;
      opt.applyGradients({ [w.name]: grad }, new Map([[w.name, w]]), rows ? new Map([[w.name, rows]]) : undefined);
      tf.dispose([grad, ...(rows ? [rows] : [])]);
    };
    // Step 1 touches both rows; step 2 only row 0 (row 1's gradient is 0, as an absent token's is).
    step(lazy, wl, [[1], [1]], [0, 1]);
    step(dense, wd, [[1], [1]]);
    step(lazy, wl, [[1], [0]], [0]);
    step(dense, wd, [[1], [0]]);
    const [l, d] = [wl.dataSync(), wd.dataSync()];
    expect(l[0]).toBe(d[0]);
    expect(l[1]).toBeCloseTo(0.9, 5); // one step of lr 0.1
    expect(d[1]).toBeLessThan(0.85); // m̂ ≠ 0 keeps moving it
    tf.dispose([wl, wd]);
    lazy.dispose();
    dense.dispose();
  });

  it('refuses bad rows before touching a weight, and rows on the op-by-op path', async () => {
    await initBackend('wasm');
    const variables = makeVariables();
    const emb = [...variables.keys()][0] as string;
    const before = values(variables);
    const grads = gradients(variables, 0);
    const fused = createOptimizer({ name: 'adam', lr: 0.1 });
    const ops = createOptimizer({ name: 'adam', lr: 0.1 }, { step: 'ops' });
    const bad = tf.tensor1d([2, 12], 'int32');
    const floats = tf.tensor1d([2]);
    expect(() => fused.applyGradients(grads, variables, new Map([[emb, bad]]))).toThrow(`row id 12 of ${emb} is not in [0, 11]`);
    expect(() => fused.applyGradients(grads, variables, new Map([['nope', bad]]))).toThrow('rows given for nope, which is not among the variables');
    expect(() => fused.applyGradients(grads, variables, new Map([[emb, floats]]))).toThrow(`rows of ${emb} must be int32 ids, got float32`);
    expect(() => ops.applyGradients(grads, variables, new Map([[emb, bad]]))).toThrow(ConfigError);
    expect(() => ops.applyGradients(grads, variables, new Map([[emb, bad]]))).toThrow(/lazy \(row-wise\) updates need the fused adam step/);
    expect(values(variables)).toEqual(before);
    tf.dispose([bad, floats, ...Object.values(grads), ...variables.values()]);
    fused.dispose();
    ops.dispose();
  });
});

describe.each(['wasm', 'cpu'] as const)('in-place writes on %s', (backend) => {
  it('never change an array a variable was made from, nor a clone of a variable', async () => {
    await initBackend(backend);
    const source = Float32Array.from([1, 2, 3]);
    const w = tf.variable(tf.tensor(source), true, `share/kernel_${++seq}`);
    const clone = tf.clone(w);
    const opt = createOptimizer({ name: 'sgd', lr: 0.5 });
    const grad = tf.tensor1d([1, 1, 1]);
    opt.applyGradients({ [w.name]: grad }, new Map([[w.name, w]]));
    opt.applyGradients({ [w.name]: grad }, new Map([[w.name, w]]));
    expect(Array.from(w.dataSync())).toEqual([0, 1, 2]);
    expect(Array.from(source)).toEqual([1, 2, 3]);
    expect(Array.from(clone.dataSync())).toEqual([1, 2, 3]);
    tf.dispose([w, clone, grad]);
    opt.dispose();
  });

  it('adam: a restored state continues exactly as the uninterrupted run, and no tensor leaks', async () => {
    await initBackend(backend);
    const a = makeVariables();
    const b = makeVariables();
    const before = tf.memory().numTensors;
    const whole = createOptimizer(config('adamw'));
    const first = createOptimizer(config('adamw'));
    run(whole, a);
    run(first, b);
    const state = await captureOptimizerState(first);
    const untouched = structuredClone(state);
    first.dispose();
    const second = createOptimizer(config('adamw'));
    restoreOptimizerState(second, state, b);
    run(whole, a);
    run(second, b);
    // cpu keeps the arrays a tensor is made from: the slots must not have been written there.
    expect(state).toEqual(untouched);
    expect(values(a)).toEqual(values(b));
    expect(await captureOptimizerState(second)).toEqual(await captureOptimizerState(whole));
    whole.dispose();
    second.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...a.values(), ...b.values()]);
  });
});

describe('training with the fused step', () => {
  afterAll(() => {
    delete process.env['LOOPSWEEP_OPTIMIZER_STEP'];
  });

  // Catches a weight changed in place under a kernel's cache (wasm's XNNPACK matMul keeps a packed
  // copy of its weight operand per tensor), which the optimizer-level comparisons cannot see.
  it.each(['adam', 'momentum'] as const)('%s: train() gives the same history and weights as op by op on wasm', async (name) => {
    await initBackend('wasm');
    const spam = await smallSpam(120, 16);
    const runWith = async (step: 'ops' | 'fused') => {
      if (step === 'ops') process.env['LOOPSWEEP_OPTIMIZER_STEP'] = 'ops';
      else delete process.env['LOOPSWEEP_OPTIMIZER_STEP'];
      const model = buildClassifier({
        input: { kind: 'tokens', vocabSize: spam.tokenizer.vocabSize, maxLen: 16, embeddingDim: 8 },
        output: { kind: 'classification', classes: 2 },
        cell: 'simple',
        units: 8,
        seed: 3,
      });
      try {
        const result = await train(model, spam.data, {
          optimizer: { name, lr: 0.01, weightDecay: 1e-3 },
          schedule: { type: 'cosine' },
          clip: { type: 'none' },
          batchSize: 16,
          epochs: 2,
          seed: 5,
        });
        return { history: withoutTiming(result.history), weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
      } finally {
        model.dispose();
      }
    };
    const ops = await runWith('ops');
    const fused = await runWith('fused');
    expect(fused).toEqual(ops);
  });
});
