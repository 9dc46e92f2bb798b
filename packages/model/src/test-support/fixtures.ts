/**
 * Small real datasets for tests: a stratified subset of the real SpamAssassin corpus and a short
 * adding problem, prepared once per test file.
 */
import { loadSpamAssassin } from '../data/spamassassin.js';
import { makeAddingProblem } from '../data/adding.js';
import { prepareSequenceData, prepareTextData, type PreparedSequences, type PreparedText } from '../training/prepare-data.js';
import type { EpochMetrics } from '../training/epoch-metrics.js';

export async function smallSpam(limit = 400, maxLen = 48): Promise<PreparedText> {
  const dataset = await loadSpamAssassin({ limit, seed: 3 });
  return prepareTextData(dataset, { level: 'word', maxVocab: 2000, maxLen });
}

export function smallAdding(timesteps = 12, size = 600): PreparedSequences {
  return prepareSequenceData(makeAddingProblem({ timesteps, size, seed: 5 }));
}

/** Metrics without the wall-clock fields, for bit-for-bit comparisons. */
export function withoutTiming(
  history: readonly EpochMetrics[],
): Omit<EpochMetrics, 'epoch_seconds' | 'examples_per_second' | 'train_seconds' | 'inference_ms_per_example'>[] {
  return history.map(({ epoch_seconds: _s, examples_per_second: _e, train_seconds: _t, inference_ms_per_example: _i, ...rest }) => rest);
}
