import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createOptimizer, decaysWeight } from './optimizers.js';
import type { TrainingOptimizer } from './optimizers.js';
import { OPTIMIZER_NAMES } from './strategy.js';
import type { OptimizerConfig, OptimizerName } from './strategy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Variable names are global in tfjs; a counter keeps them unique, and its `_<n>` suffix is the one
// tfjs-layers adds, which decaysWeight must see through.
let seq = 0;
const liveVariables: tf.Variable[] = [];
const liveOptimizers: TrainingOptimizer[] = [];
function variable(values: number[] | number[][], name: string): tf.Variable {
  const v = tf.variable(tf.tensor(values), true, `${name}_${++seq}`);
  liveVariables.push(v);
  return v;
}
function optimizer(config: OptimizerConfig): TrainingOptimizer {
  const opt = createOptimizer(config);
  liveOptimizers.push(opt);
  return opt;
}
function varMap(...vars: tf.Variable[]): Map<string, tf.Variable> {
  return new Map(vars.map((v) => [v.name, v]));
}
function values(v: tf.Tensor): number[] {
  return Array.from(v.dataSync());
}
/** Applies constant hand-made gradients, given per variable. */
function step(opt: TrainingOptimizer, vars: Map<string, tf.Variable>, grads: Record<string, number[]>): void {
  const map: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(grads)) map[name] = tf.tensor(g);
  opt.applyGradients(map, vars);
  tf.dispose(Object.values(map));
}

afterEach(() => {
  for (const opt of liveOptimizers.splice(0)) opt.dispose();
  tf.dispose(liveVariables.splice(0));
});

/** Learning rates that suit f(w) = Σ (w − target)² for each optimizer. */
const QUADRATIC_LR: Record<OptimizerName, number> = {
  sgd: 0.1,
  momentum: 0.05,
  nesterov: 0.05,
  adam: 0.1,
  adamw: 0.1,
  adamax: 0.1,
  rmsprop: 0.03,
  adagrad: 0.5,
  adadelta: 0.1, // tfjs's Adadelta steps about lr·g at first (see the setLearningRate test); 1 oscillates here
};

describe('createOptimizer on a quadratic', () => {
  it.each(OPTIMIZER_NAMES)('%s takes the loss far below its start in 200 steps', (name) => {
    const opt = optimizer({ name, lr: QUADRATIC_LR[name] });
    const a = variable([0, 0, 0], 'q/kernel');
    const b = variable(
      [
        [0, 0],
        [0, 0],
      ],
      'q/recurrent_kernel',
    );
    const ta = tf.tensor1d([1, -2, 3]);
    const tb = tf.tensor2d([
      [0.5, -1],
      [2, -0.5],
    ]);
    const loss = (): tf.Scalar => tf.add(tf.sum(tf.squaredDifference(a, ta)), tf.sum(tf.squaredDifference(b, tb)));
    const vars = varMap(a, b);
    const start = tf.tidy(() => loss().dataSync()[0] ?? NaN);
    for (let i = 0; i < 200; i++) {
      // The exact gradient 2·(w − target), so the test depends on the optimizer alone.
      tf.tidy(() => opt.applyGradients({ [a.name]: tf.mul(2, tf.sub(a, ta)), [b.name]: tf.mul(2, tf.sub(b, tb)) }, vars));
    }
    const end = tf.tidy(() => loss().dataSync()[0] ?? NaN);
    tf.dispose([ta, tb]);
    expect(start).toBeCloseTo(19.5, 5);
    expect(end).toBeLessThan(start * 1e-3);
  });
});

describe('momentum and nesterov', () => {
  /** Two steps of gradient 1 from w = 1 at lr 0.1. */
  function twoSteps(config: OptimizerConfig): number[] {
    const opt = optimizer(config);
    const w = variable([1], 'm/kernel');
    const vars = varMap(w);
    const out: number[] = [];
    for (let i = 0; i < 2; i++) {
      step(opt, vars, { [w.name]: [1] });
      out.push(values(w)[0] ?? NaN);
    }
    return out;
  }

  it('sgd steps by lr·g', () => {
    const [s1, s2] = twoSteps({ name: 'sgd', lr: 0.1 });
    expect(s1).toBeCloseTo(0.9, 6);
    expect(s2).toBeCloseTo(0.8, 6);
  });

  it('momentum accumulates: v = 0.9·v + g, w −= lr·v', () => {
    const [s1, s2] = twoSteps({ name: 'momentum', lr: 0.1 });
    expect(s1).toBeCloseTo(0.9, 6);
    expect(s2).toBeCloseTo(0.71, 6); // 0.9 − 0.1·1.9, where sgd gives 0.8
  });

  it('nesterov looks ahead: w −= lr·(g + 0.9·v)', () => {
    const [s1, s2] = twoSteps({ name: 'nesterov', lr: 0.1 });
    expect(s1).toBeCloseTo(0.81, 6); // momentum gives 0.9
    expect(s2).toBeCloseTo(0.539, 6); // 0.81 − 0.1·(1 + 0.9·1.9)
  });

  it('honours a configured momentum', () => {
    const [, s2] = twoSteps({ name: 'momentum', lr: 0.1, momentum: 0.5 });
    expect(s2).toBeCloseTo(0.75, 6); // 0.9 − 0.1·1.5
  });

  it('still works when created inside a tf.tidy', () => {
    let opt: TrainingOptimizer | undefined;
    tf.tidy(() => {
      opt = createOptimizer({ name: 'momentum', lr: 0.1 });
    });
    if (opt === undefined) throw new Error('not created');
    liveOptimizers.push(opt);
    const w = variable([1], 'tidy/kernel');
    const vars = varMap(w);
    step(opt, vars, { [w.name]: [1] });
    step(opt, vars, { [w.name]: [1] });
    expect(values(w)[0]).toBeCloseTo(0.71, 6);
  });
});

describe('setLearningRate', () => {
  const grad = [0.3, -0.7];

  /** |Δw| of one first step from 0 for an optimizer built at lr and then set to `setTo`. */
  function firstStep(name: OptimizerName, lr: number, setTo: number): number[] {
    const opt = optimizer({ name, lr });
    opt.setLearningRate(setTo);
    expect(opt.learningRate).toBe(setTo);
    const w = variable([0, 0], 'lr/kernel');
    step(opt, varMap(w), { [w.name]: grad });
    return values(w).map(Math.abs);
  }

  it.each(OPTIMIZER_NAMES)('%s: a tenth of the lr gives a tenth of the step', (name) => {
    const full = firstStep(name, 0.1, 0.1);
    const tenth = firstStep(name, 0.1, 0.01);
    for (let i = 0; i < grad.length; i++) {
      expect(full[i]).toBeGreaterThan(1e-4);
      expect((full[i] ?? NaN) / (tenth[i] ?? NaN)).toBeCloseTo(10, 4);
    }
  });

  it('adam, adamax, rmsprop, adagrad and adadelta first steps have the expected size', () => {
    // Adam and Adamax normalize the first step to lr; RMSProp to lr/√(1−ρ); Adagrad to
    // lr·g/√(0.1 + g²); tfjs's Adadelta's first step is lr·g.
    const eps = 1e-7;
    expect(firstStep('adam', 0.1, 0.01)[1]).toBeCloseTo(0.01, 6);
    expect(firstStep('adamax', 0.1, 0.01)[1]).toBeCloseTo(0.01, 6);
    expect(firstStep('rmsprop', 0.1, 0.01)[1]).toBeCloseTo((0.01 * 0.7) / Math.sqrt(0.1 * 0.49 + eps), 6);
    expect(firstStep('adagrad', 0.1, 0.01)[1]).toBeCloseTo((0.01 * 0.7) / Math.sqrt(0.1 + 0.49), 6);
    expect(firstStep('adadelta', 0.1, 0.01)[1]).toBeCloseTo(0.007, 6);
  });

  it('changes the step of sgd and momentum mid-training (their cached −lr scalar)', () => {
    for (const name of ['sgd', 'momentum'] as const) {
      const opt = optimizer({ name, lr: 0.1, momentum: 0 });
      const w = variable([1], 'mid/kernel');
      const vars = varMap(w);
      step(opt, vars, { [w.name]: [1] });
      step(opt, vars, { [w.name]: [1] });
      opt.setLearningRate(0.01);
      step(opt, vars, { [w.name]: [1] });
      expect(values(w)[0]).toBeCloseTo(0.79, 6); // 1 − 0.1 − 0.1 − 0.01
    }
  });

  it('changes the step of adam mid-training', () => {
    const a = optimizer({ name: 'adam', lr: 0.1 });
    const b = optimizer({ name: 'adam', lr: 0.1 });
    const wa = variable([0], 'mida/kernel');
    const wb = variable([0], 'midb/kernel');
    for (let i = 0; i < 3; i++) {
      step(a, varMap(wa), { [wa.name]: [1] });
      step(b, varMap(wb), { [wb.name]: [1] });
    }
    b.setLearningRate(0.01);
    const before = [values(wa)[0] ?? NaN, values(wb)[0] ?? NaN];
    step(a, varMap(wa), { [wa.name]: [1] });
    step(b, varMap(wb), { [wb.name]: [1] });
    // A constant gradient keeps Adam's normalized step at 1, so the steps are lr and lr/10.
    expect((before[0] ?? NaN) - (values(wa)[0] ?? NaN)).toBeCloseTo(0.1, 5);
    expect((before[1] ?? NaN) - (values(wb)[0] ?? NaN)).toBeCloseTo(0.01, 5);
  });

  it('accepts 0 (no step) and rejects a negative or non-finite rate', () => {
    const opt = optimizer({ name: 'sgd', lr: 0.1 });
    opt.setLearningRate(0);
    const w = variable([1], 'zero/kernel');
    step(opt, varMap(w), { [w.name]: [1] });
    expect(values(w)[0]).toBe(1);
    expect(() => opt.setLearningRate(-0.1)).toThrow('learning rate must be a non-negative finite number, got -0.1');
    expect(() => opt.setLearningRate(NaN)).toThrow(ConfigError);
    expect(opt.learningRate).toBe(0);
  });
});

describe('weight decay', () => {
  it('L2 adds λ·w to the gradient of decayed weights only (sgd)', () => {
    const opt = optimizer({ name: 'sgd', lr: 0.1, weightDecay: 0.01 });
    const k = variable([1, 2], 'l2/kernel');
    const bias = variable([1], 'l2/bias');
    const gamma = variable([1], 'layer_normalization_LayerNormalization1/gamma');
    step(opt, varMap(k, bias, gamma), { [k.name]: [0.5, 0.5], [bias.name]: [0.5], [gamma.name]: [0.5] });
    expect(values(k)[0]).toBeCloseTo(0.949, 6); // 1 − 0.1·(0.5 + 0.01·1)
    expect(values(k)[1]).toBeCloseTo(1.948, 6); // 2 − 0.1·(0.5 + 0.01·2)
    expect(values(bias)[0]).toBeCloseTo(0.95, 6);
    expect(values(gamma)[0]).toBeCloseTo(0.95, 6);
  });

  it('adamw with a zero gradient shrinks w by exactly lr·λ·w, biases not at all', () => {
    const opt = optimizer({ name: 'adamw', lr: 0.01, weightDecay: 0.1 });
    const k = variable([2, -4], 'dw/kernel');
    const bias = variable([2], 'dw/bias');
    step(opt, varMap(k, bias), { [k.name]: [0, 0], [bias.name]: [0] });
    expect(values(k)[0]).toBeCloseTo(2 - 0.001 * 2, 6);
    expect(values(k)[1]).toBeCloseTo(-4 + 0.001 * 4, 6);
    expect(values(bias)[0]).toBe(2);
  });

  it('adamw = adam − lr·λ·w_old, while adam with weightDecay is L2 (normalized by Adam)', () => {
    const adam = optimizer({ name: 'adam', lr: 0.01 });
    const adamw = optimizer({ name: 'adamw', lr: 0.01, weightDecay: 0.1 });
    const adamL2 = optimizer({ name: 'adam', lr: 0.01, weightDecay: 0.1 });
    const wa = variable([2, -4], 'cmpa/kernel');
    const ww = variable([2, -4], 'cmpw/kernel');
    const wl = variable([2, -4], 'cmpl/kernel');
    step(adam, varMap(wa), { [wa.name]: [0.5, 0.5] });
    step(adamw, varMap(ww), { [ww.name]: [0.5, 0.5] });
    step(adamL2, varMap(wl), { [wl.name]: [0, 0] });
    const [a0, a1] = values(wa);
    const [w0, w1] = values(ww);
    expect((a0 ?? NaN) - (w0 ?? NaN)).toBeCloseTo(0.002, 6);
    expect((a1 ?? NaN) - (w1 ?? NaN)).toBeCloseTo(-0.004, 6);
    // L2 through Adam: the gradient λ·w is normalized to a step of lr per element.
    expect(values(wl)[0]).toBeCloseTo(1.99, 5);
    expect(values(wl)[1]).toBeCloseTo(-3.99, 5);
  });

  it('decaysWeight exempts biases and normalization parameters, also with a _<n> suffix', () => {
    const decayed = ['dense_Dense1/kernel', 'out/kernel_1', 'bi/forward_lstm_LSTM1/recurrent_kernel', 'emb/embeddings_1', 'betamax/kernel', 'w'];
    const exempt = [
      'out/bias',
      'out/bias_1',
      'gru_GRU1/bias',
      'cell/recurrent_bias',
      'layer_normalization_LayerNormalization1/gamma',
      'layer_normalization_LayerNormalization1/beta',
      'batch_normalization_BatchNormalization2/gamma',
      'norm/gamma_3',
      'beta',
    ];
    expect(decayed.map(decaysWeight)).toEqual(decayed.map(() => true));
    expect(exempt.map(decaysWeight)).toEqual(exempt.map(() => false));
  });
});

describe('applyGradients bookkeeping', () => {
  it('keeps slot positions when a variable has no gradient', () => {
    const opt = optimizer({ name: 'momentum', lr: 0.1 });
    const a = variable([1], 'pos/a');
    const b = variable([1], 'pos/b');
    const vars = varMap(a, b);
    step(opt, vars, { [b.name]: [1] });
    step(opt, vars, { [a.name]: [1], [b.name]: [1] });
    expect(values(a)[0]).toBeCloseTo(0.9, 6); // its own fresh momentum, not b's
    expect(values(b)[0]).toBeCloseTo(0.71, 6);
  });

  it('rejects a gradient of an unknown variable, a mis-keyed map and use after dispose', () => {
    const opt = optimizer({ name: 'sgd', lr: 0.1 });
    const a = variable([1], 'bad/a');
    const g = tf.tensor([1]);
    expect(() => opt.applyGradients({ other: g }, varMap(a))).toThrow('gradient for other, which is not among the variables');
    expect(() => opt.applyGradients({ x: g }, new Map([['x', a]]))).toThrow(`variable ${a.name} is keyed as x`);
    expect(values(a)[0]).toBe(1);
    opt.dispose();
    expect(() => opt.applyGradients({ [a.name]: g }, varMap(a))).toThrow('the sgd optimizer was disposed');
    g.dispose();
  });

  it.each(OPTIMIZER_NAMES)('%s leaks no tensors between steps and frees all on dispose', (name) => {
    const a = variable([1, 2], 'leak/kernel');
    const b = variable([3], 'leak/bias');
    const vars = varMap(a, b);
    const before = tf.memory().numTensors;
    const opt = createOptimizer({ name, lr: 0.01, weightDecay: 0.01 });
    const counts: number[] = [];
    for (let i = 1; i <= 5; i++) {
      step(opt, vars, { [a.name]: [0.1, -0.2], [b.name]: [0.3] });
      counts.push(tf.memory().numTensors);
    }
    expect(counts[4]).toBe(counts[1]);
    expect(counts[1]).toBeGreaterThan(before); // slots exist, so the count means something
    opt.dispose();
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('config validation', () => {
  const base = { name: 'sgd', lr: 0.1 } as const;
  it.each([
    [{ ...base, lr: -1 }, 'optimizer.lr must be a positive finite number, got -1'],
    [{ ...base, lr: 0 }, 'optimizer.lr must be a positive finite number, got 0'],
    [{ ...base, lr: NaN }, 'optimizer.lr must be a positive finite number, got NaN'],
    [{ ...base, lr: Infinity }, 'optimizer.lr must be a positive finite number, got Infinity'],
    [{ ...base, momentum: 1 }, 'optimizer.momentum must be in [0, 1), got 1'],
    [{ ...base, momentum: -0.1 }, 'optimizer.momentum must be in [0, 1), got -0.1'],
    [{ ...base, beta1: 1 }, 'optimizer.beta1 must be in [0, 1), got 1'],
    [{ ...base, beta2: -0.5 }, 'optimizer.beta2 must be in [0, 1), got -0.5'],
    [{ ...base, rho: 1.2 }, 'optimizer.rho must be in [0, 1), got 1.2'],
    [{ ...base, epsilon: 0 }, 'optimizer.epsilon must be a positive finite number, got 0'],
    [{ ...base, weightDecay: -0.1 }, 'optimizer.weightDecay must be a non-negative finite number, got -0.1'],
    [{ ...base, weightDecay: Infinity }, 'optimizer.weightDecay must be a non-negative finite number, got Infinity'],
    [
      { ...base, name: 'lion' as OptimizerName },
      'optimizer.name must be one of sgd, momentum, nesterov, adam, adamw, adamax, rmsprop, adagrad, adadelta, got "lion"',
    ],
  ])('%o → %s', (config, message) => {
    let caught: unknown;
    try {
      createOptimizer(config);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toBe(message);
    expect((caught as ConfigError).code).toBe('CONFIG');
  });

  it('accepts the edges of the valid ranges', () => {
    const opt = optimizer({ name: 'rmsprop', lr: 1e-9, momentum: 0, beta1: 0, beta2: 0, rho: 0, epsilon: 1e-12, weightDecay: 0 });
    expect(opt.name).toBe('rmsprop');
    expect(opt.learningRate).toBe(1e-9);
  });
});
