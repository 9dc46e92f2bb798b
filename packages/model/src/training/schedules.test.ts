import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createSchedule } from './schedules.js';
import type { LearningRateSchedule } from './schedules.js';
import type { ScheduleConfig } from './strategy.js';

function lrs(schedule: LearningRateSchedule, steps: readonly number[]): number[] {
  return steps.map((s) => schedule.lrAt(s));
}

function expectClose(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, digits));
}

describe('constant', () => {
  it('is the base rate at every step, whatever the losses', () => {
    const s = createSchedule({ type: 'constant' }, 0.1, { epochs: 3, stepsPerEpoch: 10 });
    s.onEpochEnd(0, 5);
    s.onEpochEnd(1, 9);
    expect(lrs(s, [0, 15, 29, 1000])).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe('step', () => {
  it('defaults to gamma 0.1 every round(epochs/3) epochs', () => {
    const s = createSchedule({ type: 'step' }, 1, { epochs: 9, stepsPerEpoch: 10 });
    expectClose(lrs(s, [0, 29, 30, 59, 60, 89]), [1, 1, 0.1, 0.1, 0.01, 0.01]);
  });

  it('uses stepEpochs and gamma', () => {
    const s = createSchedule({ type: 'step', stepEpochs: 2, gamma: 0.5 }, 0.8, { epochs: 6, stepsPerEpoch: 4 });
    expectClose(lrs(s, [0, 7, 8, 15, 16, 23]), [0.8, 0.8, 0.4, 0.4, 0.2, 0.2]);
  });

  it('steps every epoch by default when training is short', () => {
    const s = createSchedule({ type: 'step' }, 1, { epochs: 2, stepsPerEpoch: 5 });
    expectClose(lrs(s, [4, 5]), [1, 0.1]);
  });
});

describe('exponential', () => {
  it('decays smoothly by gamma per epoch (default 0.9)', () => {
    const s = createSchedule({ type: 'exponential' }, 1, { epochs: 3, stepsPerEpoch: 10 });
    expectClose(lrs(s, [0, 5, 10, 25]), [1, Math.sqrt(0.9), 0.9, 0.9 ** 2.5]);
    expect(s.lrAt(5)).toBeCloseTo(0.9486832981, 9);
  });

  it('uses gamma', () => {
    const s = createSchedule({ type: 'exponential', gamma: 0.5 }, 0.2, { epochs: 3, stepsPerEpoch: 4 });
    expectClose(lrs(s, [4, 8, 2]), [0.1, 0.05, 0.2 * Math.SQRT1_2]);
  });
});

describe('cosine', () => {
  it('falls from baseLr to minLr over all steps, then stays', () => {
    const s = createSchedule({ type: 'cosine', minLr: 0.1 }, 1, { epochs: 2, stepsPerEpoch: 50 });
    expectClose(lrs(s, [0, 25, 50, 75, 100, 150]), [1, 0.1 + 0.9 * 0.8535533906, 0.55, 0.1 + 0.9 * 0.1464466094, 0.1, 0.1]);
  });

  it('defaults minLr to 0', () => {
    const s = createSchedule({ type: 'cosine' }, 0.4, { epochs: 4, stepsPerEpoch: 25 });
    expectClose(lrs(s, [50, 100]), [0.2, 0]);
  });
});

describe('warmup_cosine', () => {
  const plan = { epochs: 10, stepsPerEpoch: 10 };

  it('warms up linearly over min(1, epochs/10) epochs by default, then follows the cosine', () => {
    const s = createSchedule({ type: 'warmup_cosine' }, 1, plan);
    // W = 10: lr = (step + 1)/10 up to step 9, then the cosine over the remaining 90 steps.
    expectClose(lrs(s, [0, 4, 9, 10, 55, 100]), [0.1, 0.5, 1, 1, 0.5, 0]);
  });

  it('rises strictly through warmup, then falls strictly to the end', () => {
    const s = createSchedule({ type: 'warmup_cosine', warmupEpochs: 2, minLr: 0.01 }, 0.5, plan);
    const all = lrs(
      s,
      Array.from({ length: 100 }, (_, i) => i),
    );
    for (let i = 1; i < 20; i++) expect(all[i]).toBeGreaterThan(all[i - 1] ?? Infinity);
    expect(all[19]).toBeCloseTo(0.5, 12);
    for (let i = 21; i < 100; i++) expect(all[i]).toBeLessThan(all[i - 1] ?? -Infinity);
    expect(all[99]).toBeGreaterThan(0.01);
    expect(s.lrAt(100)).toBeCloseTo(0.01, 12);
  });

  it('takes fractional warmupEpochs, and a short run warms up for a tenth of it', () => {
    const half = createSchedule({ type: 'warmup_cosine', warmupEpochs: 0.5 }, 1, { epochs: 4, stepsPerEpoch: 10 });
    expectClose(lrs(half, [0, 4]), [0.2, 1]);
    // epochs 5 → warmupEpochs 0.5 → W = 4 of 8 steps per epoch.
    const short = createSchedule({ type: 'warmup_cosine' }, 1, { epochs: 5, stepsPerEpoch: 8 });
    expectClose(lrs(short, [0, 3, 4]), [0.25, 1, 1]);
    expect(short.lrAt(5)).toBeLessThan(1);
  });

  it('is the plain cosine with warmupEpochs 0', () => {
    const w = createSchedule({ type: 'warmup_cosine', warmupEpochs: 0, minLr: 0.1 }, 1, plan);
    const c = createSchedule({ type: 'cosine', minLr: 0.1 }, 1, plan);
    const steps = [0, 13, 50, 77, 99];
    expectClose(lrs(w, steps), lrs(c, steps), 14);
  });
});

describe('reduce_on_plateau', () => {
  it('multiplies by factor after `patience` epochs without a 1e-4 relative improvement', () => {
    const s = createSchedule({ type: 'reduce_on_plateau' }, 1, { epochs: 20, stepsPerEpoch: 5 });
    // defaults: factor 0.5, patience 2
    const losses = [1.0, 0.9, 0.95, 0.9, 0.89995, 0.8, 0.85, 0.79995, 0.8999, 0.5];
    const after = losses.map((loss, epoch) => {
      s.onEpochEnd(epoch, loss);
      return s.lrAt(epoch * 5 + 5);
    });
    // 0.9 again is bad (2nd) → 0.5; 0.89995 is within 1e-4 of 0.9 → bad; 0.8 improves;
    // 0.85 bad; 0.79995 is within 1e-4 of 0.8 → bad (2nd) → 0.25; 0.8999 bad; 0.5 improves.
    expectClose(after, [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25]);
  });

  it('counts a loss just past the threshold as an improvement', () => {
    const s = createSchedule({ type: 'reduce_on_plateau', patience: 1 }, 1, { epochs: 5, stepsPerEpoch: 1 });
    s.onEpochEnd(0, 1);
    s.onEpochEnd(1, 0.99989); // < 1·(1 − 1e-4)
    expect(s.lrAt(2)).toBe(1);
    s.onEpochEnd(2, 0.9999); // not below 0.99989·0.9999
    expect(s.lrAt(3)).toBe(0.5);
  });

  it('floors at minLr, and NaN counts as no improvement', () => {
    const s = createSchedule({ type: 'reduce_on_plateau', factor: 0.1, patience: 0, minLr: 0.001 }, 1, {
      epochs: 10,
      stepsPerEpoch: 3,
    });
    s.onEpochEnd(0, 1);
    const after = [2, NaN, 2, 2, 2].map((loss, i) => {
      s.onEpochEnd(i + 1, loss);
      return s.lrAt((i + 2) * 3);
    });
    expectClose(after, [0.1, 0.01, 0.001, 0.001, 0.001], 12);
    expect(Math.min(...after)).toBeGreaterThanOrEqual(0.001);
  });

  it('floors at 1e-6 by default', () => {
    const s = createSchedule({ type: 'reduce_on_plateau', patience: 0 }, 1e-5, { epochs: 20, stepsPerEpoch: 1 });
    s.onEpochEnd(0, 1);
    for (let e = 1; e <= 3; e++) s.onEpochEnd(e, 1);
    expect(s.lrAt(4)).toBeCloseTo(1.25e-6, 15);
    s.onEpochEnd(4, 1);
    expect(s.lrAt(5)).toBe(1e-6);
  });
});

describe('lrAt', () => {
  it('rejects a negative or fractional step', () => {
    const s = createSchedule({ type: 'constant' }, 0.1, { epochs: 1, stepsPerEpoch: 1 });
    expect(() => s.lrAt(-1)).toThrow(RangeError);
    expect(() => s.lrAt(1.5)).toThrow('step must be a non-negative integer, got 1.5');
  });
});

describe('validation', () => {
  const plan = { epochs: 10, stepsPerEpoch: 10 };
  it.each<[ScheduleConfig, number, { epochs: number; stepsPerEpoch: number }, string]>([
    [{ type: 'constant' }, 0, plan, 'schedule.baseLr must be a positive finite number, got 0'],
    [{ type: 'constant' }, NaN, plan, 'schedule.baseLr must be a positive finite number, got NaN'],
    [{ type: 'constant' }, 0.1, { epochs: 0, stepsPerEpoch: 10 }, 'schedule.epochs must be a positive integer, got 0'],
    [{ type: 'constant' }, 0.1, { epochs: 2, stepsPerEpoch: 2.5 }, 'schedule.stepsPerEpoch must be a positive integer, got 2.5'],
    [{ type: 'step', gamma: 0 }, 0.1, plan, 'schedule.gamma must be in (0, 1], got 0'],
    [{ type: 'step', gamma: 1.5 }, 0.1, plan, 'schedule.gamma must be in (0, 1], got 1.5'],
    [{ type: 'step', stepEpochs: 0 }, 0.1, plan, 'schedule.stepEpochs must be a positive integer, got 0'],
    [{ type: 'step', stepEpochs: 1.5 }, 0.1, plan, 'schedule.stepEpochs must be a positive integer, got 1.5'],
    [{ type: 'exponential', gamma: -0.9 }, 0.1, plan, 'schedule.gamma must be in (0, 1], got -0.9'],
    [{ type: 'cosine', minLr: 0.1 }, 0.1, plan, 'schedule.minLr must be in [0, 0.1) (below the base lr), got 0.1'],
    [{ type: 'cosine', minLr: -1 }, 0.1, plan, 'schedule.minLr must be in [0, 0.1) (below the base lr), got -1'],
    [{ type: 'warmup_cosine', minLr: 0.5 }, 0.1, plan, 'schedule.minLr must be in [0, 0.1) (below the base lr), got 0.5'],
    [{ type: 'warmup_cosine', warmupEpochs: -1 }, 0.1, plan, 'schedule.warmupEpochs must be ≥ 0 and leave at least one of the 100 steps after warmup, got -1'],
    [
      { type: 'warmup_cosine', warmupEpochs: 9.96 },
      0.1,
      plan,
      'schedule.warmupEpochs must be ≥ 0 and leave at least one of the 100 steps after warmup, got 9.96',
    ],
    [{ type: 'reduce_on_plateau', factor: 1 }, 0.1, plan, 'schedule.factor must be in (0, 1), got 1'],
    [{ type: 'reduce_on_plateau', factor: 0 }, 0.1, plan, 'schedule.factor must be in (0, 1), got 0'],
    [{ type: 'reduce_on_plateau', patience: -1 }, 0.1, plan, 'schedule.patience must be an integer ≥ 0, got -1'],
    [{ type: 'reduce_on_plateau', patience: 1.5 }, 0.1, plan, 'schedule.patience must be an integer ≥ 0, got 1.5'],
    [{ type: 'reduce_on_plateau', minLr: 0.2 }, 0.1, plan, 'schedule.minLr must be in [0, 0.1) (below the base lr), got 0.2'],
    [
      { type: 'linear' } as unknown as ScheduleConfig,
      0.1,
      plan,
      'schedule.type must be one of constant, step, exponential, cosine, warmup_cosine, reduce_on_plateau, got "linear"',
    ],
  ])('%o at lr %d → error', (config, baseLr, p, message) => {
    let caught: unknown;
    try {
      createSchedule(config, baseLr, p);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toBe(message);
  });

  it('accepts warmup that leaves one step, and patience 0', () => {
    const s = createSchedule({ type: 'warmup_cosine', warmupEpochs: 9.9 }, 1, plan);
    expect(s.lrAt(98)).toBe(1);
    expect(s.lrAt(99)).toBe(1);
    expect(s.lrAt(100)).toBeCloseTo(0, 12);
    expect(() => createSchedule({ type: 'reduce_on_plateau', patience: 0 }, 0.1, plan)).not.toThrow();
  });
});

describe('schedule state', () => {
  const plan = { epochs: 10, stepsPerEpoch: 5 };

  it('reduce_on_plateau continues from its state, replaying its reductions from its own base lr', () => {
    const original = createSchedule({ type: 'reduce_on_plateau', factor: 0.5, patience: 0 }, 0.1, plan);
    for (const [epoch, loss] of [1, 0.9, 0.95, 0.97].entries()) original.onEpochEnd(epoch, loss);
    const state = original.state();
    expect(state).toEqual({ type: 'reduce_on_plateau', best: 0.9, badEpochs: 0, reductions: 2 });
    const copy = createSchedule({ type: 'reduce_on_plateau', factor: 0.5, patience: 0 }, 0.1, plan);
    copy.restore(structuredClone(state));
    expect(copy.lrAt(20)).toBe(original.lrAt(20));
    original.onEpochEnd(4, 0.99);
    copy.onEpochEnd(4, 0.99);
    expect(copy.lrAt(25)).toBe(original.lrAt(25));
    const other = createSchedule({ type: 'reduce_on_plateau', factor: 0.5, patience: 0 }, 0.4, plan);
    other.restore(state);
    expect(other.lrAt(20)).toBe(0.1);
  });

  it('step-wise schedules have no state and refuse a plateau state', () => {
    const cosine = createSchedule({ type: 'cosine' }, 0.1, plan);
    expect(cosine.state()).toBeUndefined();
    cosine.restore(undefined);
    expect(() => cosine.restore({ type: 'reduce_on_plateau', best: 1, badEpochs: 0, reductions: 0 })).toThrow(ConfigError);
    const plateau = createSchedule({ type: 'reduce_on_plateau' }, 0.1, plan);
    expect(() => plateau.restore(undefined)).toThrow(ConfigError);
  });
});
