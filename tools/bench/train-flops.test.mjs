import { describe, expect, it } from 'vitest';
import { trainingStepFlops } from './train-flops.mjs';

/** 2·m·k·n: the FLOPs of one [m×k]·[k×n] product. */
const product = (m, k, n) => 2 * m * k * n;

describe('trainingStepFlops', () => {
  it('counts an LSTM step as its products, listed one by one, forward and twice that backward', () => {
    const forward =
      product(100 * 32, 64, 4 * 128) + // x·W for all 100 steps of 32 sequences
      99 * product(32, 128, 4 * 128) + // h·U at steps 2..100 (h_0 = 0)
      product(32, 128, 2); // the dense head
    const flops = trainingStepFlops({ cell: 'lstm', seq: 100, batch: 32, embedding: 64, units: 128 });
    expect(flops.forward).toBe(forward);
    expect(flops.step).toBe(3 * forward);
  });

  it("adds the loop cell's second layer at every step", () => {
    const { parts } = trainingStepFlops({ cell: 'loop', seq: 10, batch: 4, embedding: 8, units: 16 });
    expect(parts.loopSecondLayer).toBe(10 * product(4, 16, 16));
    expect(parts.recurrence).toBe(9 * product(4, 16, 16));
    expect(trainingStepFlops({ cell: 'gru', seq: 10, batch: 4, embedding: 8, units: 16 }).parts.loopSecondLayer).toBe(0);
  });

  it('refuses an unknown cell, naming the known ones', () => {
    expect(() => trainingStepFlops({ cell: 'rnn', seq: 1, batch: 1, embedding: 1, units: 1 })).toThrow(
      /unknown cell 'rnn'; use one of: simple, lstm, gru, loop/,
    );
  });
});
