import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import type { ObjectiveContext, RestoredCheckpoint } from './objective-context.js';
import type { RnnTextCheckpoint } from './rnn-text-checkpoint.js';
import { rnnTextObjective } from './rnn-text-objective.js';

/** Wall-clock metrics: never equal between two runs. */
const TIMINGS = ['epoch_seconds', 'examples_per_second', 'train_seconds', 'inference_ms_per_example'];

function withoutTimings(metrics: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([name]) => !TIMINGS.includes(name)));
}

interface Run {
  readonly reports: { step: number; metrics: Readonly<Record<string, number>>; checkpoint: RnnTextCheckpoint }[];
  readonly result: Readonly<Record<string, number>>;
}

async function run(params: Record<string, unknown>, maxEpochs: number, restored?: RestoredCheckpoint | 'none', checkpointing?: boolean): Promise<Run> {
  const reports: Run['reports'] = [];
  const ctx: ObjectiveContext = {
    report: async (step, metrics, options) => {
      reports.push({ step, metrics, checkpoint: options?.checkpoint as RnnTextCheckpoint });
    },
    seed: 7,
    device: 'wasm',
    dataset: { name: 'spamassassin', limit: 300, max_len: 32, vocab: 1000, split_seed: 3 },
    maxEpochs,
    ...(restored ? { restore: async () => (restored === 'none' ? undefined : restored) } : {}),
    ...(checkpointing !== undefined ? { checkpointing } : {}),
  };
  return { reports, result: await rnnTextObjective(params, ctx) };
}

/**
 * Dropout (the dropout generator), Adam (slots and β powers), a plateau schedule and early stopping
 * (their memories). With this seed and lr, val_loss is best at epoch 1 and worse at epoch 2, so the
 * schedule has halved the lr when the checkpoint at epoch 2 is made: restoring the schedule's and
 * the tracker's memories matters.
 */
const PARAMS = {
  cell: 'gru',
  units: 8,
  embedding_dim: 8,
  dropout: 0.2,
  optimizer: 'adam',
  lr: 0.1,
  schedule: 'reduce_on_plateau',
  patience: 0,
  factor: 0.5,
  clip: 'global_norm',
  clip_norm: 1,
  batch_size: 32,
  early_stopping: 5,
};

function expectSameWeights(a: RnnTextCheckpoint, b: RnnTextCheckpoint) {
  expect(b.training.weights.length).toBe(a.training.weights.length);
  a.training.weights.forEach((w, i) => {
    const other = b.training.weights[i]!;
    expect(other.shape).toEqual(w.shape);
    // toEqual on Float32Arrays compares element by element with Object.is: bit-identical or it fails.
    expect(other.values).toEqual(w.values);
  });
}

describe('rnn-text checkpoints', () => {
  it('continues a restored trial bit for bit as if it had never stopped, also after a v8 round trip', async () => {
    const whole = await run(PARAMS, 4);
    const firstHalf = await run(PARAMS, 2);
    const atTwo = firstHalf.reports[1]!;
    expect(atTwo.step).toBe(2);
    expect(atTwo.checkpoint.format).toBe('rnn-text/1');
    // The first two epochs of both runs agree too (same seed, same backend).
    expect(withoutTimings(atTwo.metrics)).toEqual(withoutTimings(whole.reports[1]!.metrics));

    // What makes the schedule and early-stopping memories matter (see PARAMS).
    expect(whole.reports[2]!.metrics['lr']).toBe(0.05);
    expect(whole.result['best_epoch']).toBe(1);

    const fromClone = await run(PARAMS, 4, { step: 2, state: structuredClone(atTwo.checkpoint) });
    const fromV8 = await run(PARAMS, 4, { step: 2, state: deserialize(serialize(atTwo.checkpoint)) });
    for (const resumed of [fromClone, fromV8]) {
      expect(resumed.reports.map((r) => r.step)).toEqual([3, 4]);
      resumed.reports.forEach((r, i) => {
        const original = whole.reports[i + 2]!;
        for (const [name, value] of Object.entries(withoutTimings(original.metrics))) expect(r.metrics[name], name).toBe(value);
      });
      expectSameWeights(whole.reports[3]!.checkpoint, resumed.reports[1]!.checkpoint);
      expect(resumed.reports[1]!.checkpoint.training.optimizer).toEqual(whole.reports[3]!.checkpoint.training.optimizer);
      const { weights: _w, history: _h, inferenceMsPerExample: _i, ...state } = resumed.reports[1]!.checkpoint.training;
      const { weights: _w2, history: _h2, inferenceMsPerExample: _i2, ...expected } = whole.reports[3]!.checkpoint.training;
      // epoch, globalStep, optimizer slots and scalars, schedule, generators, early stopping
      expect(state).toEqual(expected);
      expect(withoutTimings(resumed.result)).toEqual(withoutTimings(whole.result));
      expect(resumed.result['epochs']).toBe(4);
      // train_seconds goes on from the checkpoint's.
      expect(resumed.reports[0]!.metrics['train_seconds']).toBeGreaterThan(atTwo.metrics['train_seconds']!);
    }
  });

  it('continues with its own params: a different lr trains differently from the same weights', async () => {
    const firstHalf = await run(PARAMS, 2);
    const restore = { step: 2, state: firstHalf.reports[1]!.checkpoint };
    const same = await run(PARAMS, 3, restore);
    const slower = await run({ ...PARAMS, lr: 0.03 }, 3, restore);
    expect(slower.reports.map((r) => r.step)).toEqual([3]);
    // reduce_on_plateau replays the checkpoint's one reduction from the new base lr.
    expect(same.reports[0]!.metrics['lr']).toBe(0.05);
    expect(slower.reports[0]!.metrics['lr']).toBe(0.015);
    expect(slower.reports[0]!.metrics['loss']).not.toBe(same.reports[0]!.metrics['loss']);
    expect(slower.reports[0]!.checkpoint.training.weights[0]!.values).not.toEqual(same.reports[0]!.checkpoint.training.weights[0]!.values);
  });

  it('refuses a checkpoint whose architecture differs, naming every difference', async () => {
    const firstHalf = await run(PARAMS, 1);
    const restore = { step: 1, state: firstHalf.reports[0]!.checkpoint };
    const error = await run({ ...PARAMS, units: 16, cell: 'lstm' }, 2, restore).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/cell is "gru" in the checkpoint, "lstm" here/);
    expect((error as Error).message).toMatch(/units is 8 in the checkpoint, 16 here/);
    expect((error as Error).message).toMatch(/these params must match on restore: cell, units/);
    await expect(run({ ...PARAMS, optimizer: 'sgd' }, 2, restore)).rejects.toThrow(/optimizer state is adam's, this trial uses sgd/);
    await expect(run(PARAMS, 2, { step: 2, state: restore.state })).rejects.toThrow(/made after epoch 1 but is restored as step 2/);
    await expect(run(PARAMS, 2, { step: 1, state: { format: 'rnn-text/0' } })).rejects.toThrow(/format is "rnn-text\/0", expected rnn-text\/1/);
  });

  it('starts fresh when restore resolves to undefined', async () => {
    const fresh = await run(PARAMS, 1);
    const viaRestore = await run(PARAMS, 1, 'none');
    expect(withoutTimings(viaRestore.result)).toEqual(withoutTimings(fresh.result));
  });

  it('offers no checkpoint when the host says it keeps none, and trains the same', async () => {
    const kept = await run(PARAMS, 2, undefined, true);
    const dropped = await run(PARAMS, 2, undefined, false);
    expect(kept.reports.map((r) => r.checkpoint?.format)).toEqual(['rnn-text/1', 'rnn-text/1']);
    expect(dropped.reports.map((r) => r.checkpoint)).toEqual([undefined, undefined]);
    expect(withoutTimings(dropped.result)).toEqual(withoutTimings(kept.result));
  });
});
