import { describe, expect, it } from 'vitest';
import type { TrialTask } from '@loopsweep/core';
import { noopValue } from '../objectives/noop.js';
import { fileURLToPath } from 'node:url';
import type { TrialControl, TrialMessage } from './messages.js';
import { runTrial, type TrialRun } from './run-trial.js';

const task = (params: TrialTask['params'], extra: Partial<TrialTask> = {}): TrialTask => ({
  sweepName: 'unit',
  trialNumber: 1,
  attempt: 1,
  params,
  objective: 'noop',
  seed: 5,
  maxEpochs: 3,
  ...extra,
});

describe('runTrial (in this thread)', () => {
  it('posts reports and logs in order and completes with the value and last metrics', async () => {
    const messages: TrialMessage[] = [];
    const run: TrialRun = runTrial(task({ x: 1 }), 'cpu', (m) => {
      messages.push(m);
      if (m.type === 'report') setImmediate(() => run.control({ type: 'answer', stop: false }));
    });
    const outcome = await run.outcome;
    const value = noopValue({ x: 1 }, 5);
    expect(outcome).toEqual({ status: 'complete', value, metrics: { value, loss: 1 - value } });
    expect(messages.map((m) => (m.type === 'report' ? m.step : m.line.split(' (')[0]))).toEqual(['noop: 3 steps on cpu', 1, 2, 3]);
  });

  it('ends pruned or cancelled when the objective throws after prune or cancel; cancel outranks prune', async () => {
    const pruned = runTrial(task({ noop_sleep_ms: 5_000 }), 'wasm', () => undefined);
    setTimeout(() => pruned.control({ type: 'prune' }), 20);
    expect(await pruned.outcome).toEqual({ status: 'pruned' });

    const cancelled = runTrial(task({ noop_sleep_ms: 5_000 }), 'wasm', () => undefined);
    cancelled.control({ type: 'prune' });
    cancelled.control({ type: 'cancel', reason: 'sweep stopped' });
    expect(await cancelled.outcome).toEqual({ status: 'failed', kind: 'cancelled', reason: 'sweep stopped' });
  });

  it('aborts the signal with a TrialPrunedError at the last reported step, or a TrialCancelledError', async () => {
    const objective = fileURLToPath(new URL('../objectives/fixtures/signal-reason.mjs', import.meta.url));
    const post = (run: () => TrialRun, control: TrialControl) => (m: TrialMessage) => {
      if (m.type !== 'report') return;
      setImmediate(() => run().control({ type: 'answer', stop: false }));
      if (m.step === 2) setImmediate(() => run().control(control));
    };
    const pruneRun: TrialRun = runTrial(
      task({}, { objective }),
      'wasm',
      post(() => pruneRun, { type: 'prune' }),
    );
    // It returned instead of throwing: the pruner's decision stands all the same.
    expect(await pruneRun.outcome).toEqual({ status: 'pruned' });
    // A result that arrives after cancel() still completes: it is real, and the request came too late.
    const cancelRun: TrialRun = runTrial(
      task({}, { objective }),
      'wasm',
      post(() => cancelRun, { type: 'cancel', reason: 'x' }),
    );
    expect(await cancelRun.outcome).toEqual({ status: 'complete', metrics: { pruned: 0, cancelled: 1, step: -1 } });
  });

  it('resolves each report with its answer: after a stop answer the signal has fired and the trial ends pruned at that step', async () => {
    const steps: number[] = [];
    const run: TrialRun = runTrial(task({ noop_steps: 10 }), 'wasm', (m) => {
      if (m.type !== 'report') return;
      steps.push(m.step);
      // Answered late on purpose: the objective must wait for it, not run ahead.
      setTimeout(() => run.control({ type: 'answer', stop: m.step === 2 }), 20);
    });
    expect(await run.outcome).toEqual({ status: 'pruned' });
    expect(steps).toEqual([1, 2]);
  });

  it('fails a trial whose objective cannot be loaded', async () => {
    const outcome = await runTrial(task({}, { objective: 'nope' }), 'wasm', () => undefined).outcome;
    expect(outcome).toMatchObject({ status: 'failed', kind: 'error', reason: expect.stringMatching(/^ObjectiveLoadError: unknown objective 'nope'/) });
  });
});
