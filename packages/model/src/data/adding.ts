import { DatasetError } from '../errors.js';
import { createRandom } from '../random.js';
import type { RandomSource } from '../random.js';
import { randomSplit, resolveSplitOptions } from './split.js';
import type { SequenceDataset, SequenceExamples, SplitOptions } from './types.js';

export type AddingProblemOptions = SplitOptions & {
  /** Sequence length, at least 2. */
  readonly timesteps: number;
  /** Number of examples before splitting. Default 2000. */
  readonly size?: number;
};

const FEATURES = 2;
// 2^24: values k / 2^24 are exact in float32, so the target computed here equals the sum of the
// two values as stored, and no value can round up to 1.
const VALUE_STEPS = 16_777_216;
// The split gets its own stream so that it is not a replay of the numbers that drew the data.
const SPLIT_SEED_OFFSET = 0x9e3779b9;

/**
 * The adding problem (Hochreiter & Schmidhuber 1997), a test of long-range memory: each step has a
 * value uniform in [0, 1) (feature 0) and a marker (feature 1); exactly two steps are marked, one
 * in the first half of the sequence and one in the second, and the target is the sum of the two
 * marked values. Always predicting 1 gives a mean squared error of about 1/6, the baseline to beat.
 *
 * Sequences are Float32Arrays of length timesteps × 2, laid out [t][feature]. Generated from
 * `seed` (default 0) and split at random (not stratified) in the usual fractions.
 *
 * @throws DatasetError when timesteps is not an integer ≥ 2, size is not a positive integer, or
 *   the split options are invalid.
 */
export function makeAddingProblem(options: AddingProblemOptions): SequenceDataset {
  const { timesteps } = options;
  const size = options.size ?? 2000;
  // Checked first so that a bad fraction or seed is reported before any work is done.
  const { seed } = resolveSplitOptions(options);
  if (!Number.isInteger(timesteps) || timesteps < 2) {
    throw new DatasetError(`adding problem: timesteps must be an integer of at least 2 (one marker per half), got ${String(timesteps)}`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new DatasetError(`adding problem: size must be a positive integer number of examples, got ${String(size)}`);
  }
  const parts = randomSplit(size, { ...options, seed: (seed + SPLIT_SEED_OFFSET) >>> 0 });
  const random = createRandom(seed);
  const sequences: Float32Array[] = [];
  const targets: number[] = [];
  for (let i = 0; i < size; i++) {
    const example = makeSequence(timesteps, random);
    sequences.push(example.sequence);
    targets.push(example.target);
  }
  const pick = (indices: readonly number[]): SequenceExamples => ({
    sequences: indices.map((i) => sequences[i] as Float32Array),
    targets: indices.map((i) => targets[i] as number),
  });
  return {
    kind: 'sequence',
    task: 'regression',
    name: 'adding',
    timesteps,
    features: FEATURES,
    train: pick(parts.train),
    validation: pick(parts.validation),
    test: pick(parts.test),
  };
}

function makeSequence(timesteps: number, random: RandomSource): { sequence: Float32Array; target: number } {
  const sequence = new Float32Array(timesteps * FEATURES);
  for (let t = 0; t < timesteps; t++) {
    sequence[t * FEATURES] = Math.floor(random() * VALUE_STEPS) / VALUE_STEPS;
  }
  const half = Math.floor(timesteps / 2);
  const first = Math.floor(random() * half);
  const second = half + Math.floor(random() * (timesteps - half));
  sequence[first * FEATURES + 1] = 1;
  sequence[second * FEATURES + 1] = 1;
  const target = (sequence[first * FEATURES] as number) + (sequence[second * FEATURES] as number);
  return { sequence, target };
}
