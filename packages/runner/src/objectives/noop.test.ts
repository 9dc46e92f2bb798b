import { describe, expect, it } from 'vitest';
import type { ObjectiveContext } from '@loopsweep/core';
import { noopObjective, noopValue } from './noop.js';

function context(overrides: Partial<ObjectiveContext> = {}) {
  const reports: { step: number; metrics: Readonly<Record<string, number>> }[] = [];
  const logs: string[] = [];
  const ctx: ObjectiveContext = {
    report: async (step, metrics) => {
      reports.push({ step, metrics });
    },
    log: (line) => logs.push(line),
    seed: 11,
    ...overrides,
  };
  return { ctx, reports, logs };
}

describe('noopObjective', () => {
  it('reports maxEpochs steps climbing to a value fixed by the params and seed, and returns it', async () => {
    const { ctx, reports, logs } = context({ maxEpochs: 4, device: 'cpu' });
    const value = await noopObjective({ lr: 0.1, cell: 'gru' }, ctx);
    expect(value).toBe(noopValue({ lr: 0.1, cell: 'gru' }, 11));
    expect(reports.map((r) => r.step)).toEqual([1, 2, 3, 4]);
    expect(reports[1]!.metrics).toEqual({ value: value / 2, loss: 1 - value / 2 });
    expect(reports[3]!.metrics['value']).toBe(value);
    expect(logs[0]).toMatch(/^noop: 4 steps on cpu \(pid \d+, thread 0\)$/);
  });

  it('defaults to 3 steps, lets noop_steps override, and ignores noop_ params in the value', async () => {
    const a = context();
    const b = context({ maxEpochs: 9 });
    const valueA = await noopObjective({ x: 1 }, a.ctx);
    const valueB = await noopObjective({ x: 1, noop_steps: 2 }, b.ctx);
    expect(a.reports).toHaveLength(3);
    expect(b.reports).toHaveLength(2);
    expect(valueB).toBe(valueA);
  });

  it('gives different values for different params or seeds, always in [0, 1)', () => {
    const values = [noopValue({ x: 1 }, 1), noopValue({ x: 2 }, 1), noopValue({ x: 1 }, 2), noopValue({ y: 1 }, 1)];
    expect(new Set(values).size).toBe(4);
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
    expect(noopValue({ b: 2, a: 1 }, 5)).toBe(noopValue({ a: 1, b: 2 }, 5));
  });

  it('stops with the signal reason when the signal fires during a sleep', async () => {
    const controller = new AbortController();
    const { ctx, reports } = context({ signal: controller.signal });
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    const error = await noopObjective({ noop_sleep_ms: 10_000 }, ctx).catch((e: unknown) => e);
    expect((error as Error).message).toBe('stop now');
    expect(reports).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('throws, diverges or returns NaN on request, after step noop_fail_step', async () => {
    const thrown = context();
    await expect(noopObjective({ noop_fail: 'throw' }, thrown.ctx)).rejects.toThrow('noop failed on purpose after step 1');
    expect(thrown.reports).toHaveLength(1);

    const diverged = context();
    const error = (await noopObjective({ noop_fail: 'diverge', noop_fail_step: 2 }, diverged.ctx).catch((e: unknown) => e)) as Error & { code: string };
    expect([error.name, error.code]).toEqual(['DivergedError', 'DIVERGED']);
    expect(diverged.reports).toHaveLength(2);

    const early = context();
    await expect(noopObjective({ noop_fail: 'throw', noop_fail_step: 0 }, early.ctx)).rejects.toThrow('after step 0');
    expect(early.reports).toHaveLength(0);

    const nan = context();
    expect(await noopObjective({ noop_fail: 'nan' }, nan.ctx)).toBeNaN();
    expect(nan.reports).toHaveLength(3);
  });

  it('logs the GPU environment variables when asked', async () => {
    const { ctx, logs } = context();
    process.env['CUDA_VISIBLE_DEVICES'] = '3';
    try {
      await noopObjective({ noop_log_env: true }, ctx);
    } finally {
      delete process.env['CUDA_VISIBLE_DEVICES'];
    }
    expect(logs.slice(1)).toEqual(['env CUDA_VISIBLE_DEVICES=3', 'env TF_FORCE_GPU_ALLOW_GROWTH=']);
  });

  it.each([
    [{ noop_fail: 'explode' }, 'noop: noop_fail must be one of none, throw, diverge, crash, nan, got explode'],
    [{ noop_steps: -1 }, 'noop: noop_steps must be an integer >= 0, got -1'],
    [{ noop_sleep_ms: 'x' }, 'noop: noop_sleep_ms must be a number >= 0, got x'],
    [{ noop_fail: 'throw', noop_fail_step: 1.5 }, 'noop: noop_fail_step must be an integer >= 0, got 1.5'],
    [{ noop_log_env: 'yes' }, 'noop: noop_log_env must be true or false, got yes'],
  ])('refuses %j', async (params, message) => {
    const { ctx } = context();
    await expect(noopObjective(params, ctx)).rejects.toThrow(new TypeError(message));
  });
});
