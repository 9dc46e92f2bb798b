import { afterAll, describe, expect, it } from 'vitest';
import { collect, trialTask } from './testing/collect.js';
import { ThreadPoolExecutor } from './thread-pool-executor.js';

// One real training run: the built-in objective, TensorFlow.js on wasm, in a worker thread.
const executor = new ThreadPoolExecutor({ threads: 1, device: 'wasm' });
afterAll(() => executor.close());

describe('rnn-text through a worker thread', () => {
  it('trains a tiny classifier on wasm and reports each epoch', async () => {
    const task = trialTask(
      { cell: 'gru', units: 8, embedding_dim: 8, lr: 0.01 },
      { objective: 'rnn-text', seed: 3, maxEpochs: 1, dataset: { name: 'spamassassin', limit: 150, max_len: 24, vocab: 500, split_seed: 1 } },
    );
    const run = collect(executor, task);
    const { outcome } = await run.ended;
    if (outcome.status !== 'complete') throw new Error(`trial ended ${JSON.stringify(outcome)}`);
    expect(outcome.value).toBeUndefined();
    expect(run.reports.map((r) => r.step)).toEqual([1]);
    const epoch = run.reports[0]!.metrics;
    expect(epoch['val_accuracy']).toBeGreaterThanOrEqual(0);
    expect(epoch['val_accuracy']).toBeLessThanOrEqual(1);
    expect(Number.isFinite(epoch['loss'])).toBe(true);
    expect(outcome.metrics['val_accuracy']).toBe(epoch['val_accuracy']);
    expect(outcome.metrics['epochs']).toBe(1);
    expect(outcome.metrics['test_accuracy']).toBeGreaterThanOrEqual(0);
    expect(outcome.metrics['parameters']).toBe(500 * 8 + 3 * (8 * 8 + 8 * 8 + 8) + 8 * 2 + 2);
    // The cost metrics a multi-objective spec can name, in the epoch's report and in the result.
    expect(epoch['parameters']).toBe(outcome.metrics['parameters']);
    expect(epoch['train_seconds']).toBeGreaterThan(0);
    expect(outcome.metrics['train_seconds']).toBe(epoch['train_seconds']);
    expect(epoch['inference_ms_per_example']).toBeGreaterThan(0);
    expect(outcome.metrics['inference_ms_per_example']).toBe(epoch['inference_ms_per_example']);
    expect(run.logs[0]).toMatch(/^backend wasm: WebAssembly/);
    expect(run.logs[1]).toMatch(/^spamassassin: train \d+, validation \d+, test \d+; 2 classes; vocab 500$/);
  }, 120_000);
});
