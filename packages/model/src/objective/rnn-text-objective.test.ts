import { describe, expect, it } from 'vitest';
import { rnnTextObjective } from './rnn-text-objective.js';
import { ParamsError, TrainingAbortedError } from '../errors.js';
import type { ObjectiveContext } from './objective-context.js';
import { RNN_TEXT_METRICS, type RnnTextMetricPlace } from '../spec/metrics.js';

/** The names RNN_TEXT_METRICS declares for `place` and a task, sorted. */
function declared(place: RnnTextMetricPlace, task: 'classification' | 'regression'): string[] {
  return Object.entries(RNN_TEXT_METRICS)
    .filter(([, m]) => (m.in as readonly string[]).includes(place) && (m.task === 'any' || m.task === task))
    .map(([name]) => name)
    .sort();
}

/** The cost metrics every report and the result carry: train_seconds grows, the others are positive, parameters fixed. */
function expectCostMetrics(reports: readonly { metrics: Readonly<Record<string, number>> }[], result: Readonly<Record<string, number>>, parameters: number) {
  let trainSeconds = 0;
  for (const { metrics } of reports) {
    expect(metrics['train_seconds']).toBeGreaterThan(trainSeconds);
    trainSeconds = metrics['train_seconds']!;
    expect(metrics['inference_ms_per_example']).toBeGreaterThan(0);
    expect(metrics['parameters']).toBe(parameters);
  }
  expect(result['parameters']).toBe(parameters);
  expect(result['train_seconds']).toBe(trainSeconds);
  expect(result['inference_ms_per_example']).toBe(reports.at(-1)!.metrics['inference_ms_per_example']);
}

function context(overrides: Partial<ObjectiveContext> = {}) {
  const reports: { step: number; metrics: Readonly<Record<string, number>> }[] = [];
  const logs: string[] = [];
  const ctx: ObjectiveContext = {
    report: async (step, metrics) => {
      reports.push({ step, metrics });
    },
    seed: 5,
    device: 'wasm',
    dataset: { name: 'spamassassin', limit: 300, max_len: 40, vocab: 1500, split_seed: 2 },
    maxEpochs: 2,
    log: (line) => logs.push(line),
    ...overrides,
  };
  return { ctx, reports, logs };
}

describe('rnnTextObjective', () => {
  it('trains from flat params, reports every epoch, and returns final and test metrics', async () => {
    const { ctx, reports, logs } = context();
    const result = await rnnTextObjective(
      {
        cell: 'gru',
        optimizer: 'momentum',
        lr: 0.05,
        momentum: 0.9,
        clip: 'global_norm',
        clip_norm: 1,
        schedule: 'cosine',
        units: 16,
        dropout: 0.1,
        embedding_dim: 16,
      },
      ctx,
    );
    expect(reports.map((r) => r.step)).toEqual([1, 2]);
    expect(reports[1]!.metrics['val_accuracy']).toBe(result['val_accuracy']);
    expect(result['epochs']).toBe(2);
    expect(result['test_accuracy']).toBeGreaterThan(0);
    expect(result['test_f1']).toBeLessThanOrEqual(1);
    expect(result['parameters']).toBe(1500 * 16 + 3 * (16 * 16 + 16 * 16 + 16) + 16 * 2 + 2);
    expectCostMetrics(reports, result, 1500 * 16 + 3 * (16 * 16 + 16 * 16 + 16) + 16 * 2 + 2);
    // RNN_TEXT_METRICS (what validation will accept) is exactly what a classification trial reports.
    for (const { metrics } of reports) expect(Object.keys(metrics).sort()).toEqual(declared('reports', 'classification'));
    expect(Object.keys(result).sort()).toEqual(declared('result', 'classification'));
    // cosine to 0 over 2 epochs: the second epoch's last step has a small lr
    expect(reports[1]!.metrics['lr']).toBeLessThan(0.05 * 0.1);
    expect(logs[0]).toMatch(/^backend wasm: WebAssembly SIMD/);
    expect(logs[1]).toMatch(/^spamassassin: train \d+, validation \d+, test \d+; 2 classes; vocab 1500$/);
  });

  it('lists every unknown or invalid param before doing any work', async () => {
    const { ctx, reports } = context();
    const error = await rnnTextObjective({ cell: 'transformer', lr: -1, unit: 32, dropout: 1.5 }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamsError);
    const problems = (error as ParamsError).problems.map((p) => `${p.param}: ${p.message}`);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain('cell: must be one of "simple", "lstm", "gru", "loop", got "transformer"');
    expect(problems.join('\n')).toContain('lr: must be > 0, got -1');
    expect(problems.join('\n')).toContain('unit: unknown param for rnn-text');
    expect(problems.join('\n')).toContain('dropout: must be < 1, got 1.5');
    expect(reports).toHaveLength(0);
  });

  it('runs the adding problem and reports mse', async () => {
    const { ctx, reports } = context({ dataset: { name: 'adding', timesteps: 8, size: 300 } });
    const result = await rnnTextObjective({ cell: 'lstm', units: 8, lr: 0.01 }, ctx);
    expect(result['val_mse']).toBeGreaterThan(0);
    expect(result['test_mse']).toBeGreaterThan(0);
    expect(result['val_accuracy']).toBeUndefined();
    // LSTM on 2 features: 4 gates · (2·8 + 8·8 + 8), head 8 + 1.
    expectCostMetrics(reports, result, 4 * (2 * 8 + 8 * 8 + 8) + 8 + 1);
    for (const { metrics } of reports) expect(Object.keys(metrics).sort()).toEqual(declared('reports', 'regression'));
    expect(Object.keys(result).sort()).toEqual(declared('result', 'regression'));
  });

  it('stops when its signal fires (how pruning ends a trial)', async () => {
    const controller = new AbortController();
    const { ctx } = context({ signal: controller.signal, maxEpochs: 3, report: async () => controller.abort('pruned') });
    await expect(rnnTextObjective({ cell: 'simple', units: 8 }, ctx)).rejects.toBeInstanceOf(TrainingAbortedError);
  });

  it('caps epochs at the sweep budget', async () => {
    const { ctx, reports } = context({ maxEpochs: 1 });
    const result = await rnnTextObjective({ cell: 'simple', units: 8, epochs: 4 }, ctx);
    expect(reports).toHaveLength(1);
    // simple cell: embedding 1500·64 (the default width), 64·8 + 8·8 + 8, head 8·2 + 2.
    expectCostMetrics(reports, result, 1500 * 64 + (64 * 8 + 8 * 8 + 8) + 8 * 2 + 2);
  });
});
