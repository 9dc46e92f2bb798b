/**
 * What the `dataset` block of an `rnn-text` sweep spec may say, as a zod schema. It imports only
 * zod, so the CLI and the runner can check a spec (and editors get its JSON Schema) without
 * loading TensorFlow.js. Keys are snake_case, as written in a spec.
 */
import { z } from 'zod';

const int = (min: number, max: number, description: string) => z.int().min(min).max(max).optional().meta({ description });

const split = {
  val_split: z.number().min(0).lt(1).optional().meta({ description: 'Fraction of the examples held out for validation, in [0, 1). Default 0.2.' }),
  test_split: z
    .number()
    .min(0)
    .lt(1)
    .optional()
    .meta({ description: 'Fraction held out for the final test scores, in [0, 1). Default 0.1. val_split + test_split must stay below 1.' }),
  split_seed: z.int().optional().meta({ description: 'Seed of the split: every trial of the sweep trains and validates on the same examples. Default 0.' }),
};

const text = {
  max_len: int(1, 100_000, 'Tokens kept per text (the param max_len overrides it). Default 200.'),
  vocab: int(3, 10_000_000, 'Vocabulary size, padding and out-of-vocabulary tokens included (the param vocab overrides it). Default 10000.'),
  tokenizer: z.enum(['word', 'char']).optional().meta({ description: 'Word or character tokens (the param tokenizer overrides it). Default word.' }),
  padding: z.enum(['pre', 'post']).optional().meta({ description: 'Where short texts are padded. Default pre.' }),
  limit: int(1, Number.MAX_SAFE_INTEGER, 'Use only this many examples (a stratified sample): quicker sweeps.'),
};

const file = {
  path: z.string().min(1).meta({ description: 'The file, relative to the spec file (or absolute).' }),
  text_column: z.string().min(1).optional().meta({ description: 'The column (CSV header, or JSON key) that holds the text. Default text.' }),
  label_column: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'The column that holds the label (any strings or numbers; at least 2 classes). Default label.' }),
};

const spamassassinSchema = z.strictObject({
  name: z.literal('spamassassin').meta({ description: 'The SpamAssassin public corpus (ham or spam), shipped with loopsweep.' }),
  ...text,
  ...split,
});
const csvSchema = z.strictObject({
  name: z.literal('csv').meta({ description: 'Labelled texts from a CSV file with a header row.' }),
  ...file,
  delimiter: z.string().min(1).optional().meta({ description: 'The CSV field delimiter. Default ",".' }),
  ...text,
  ...split,
});
const jsonlSchema = z.strictObject({
  name: z.literal('jsonl').meta({ description: 'Labelled texts from a JSON Lines file: one object per line.' }),
  ...file,
  ...text,
  ...split,
});
const addingSchema = z.strictObject({
  name: z.literal('adding').meta({ description: 'The adding problem (Hochreiter & Schmidhuber): a test of long-range memory, generated.' }),
  timesteps: int(2, 1_000_000, 'Sequence length T. Default 100.'),
  size: int(1, Number.MAX_SAFE_INTEGER, 'Examples to generate. Default 2000.'),
  ...split,
});

/**
 * The `dataset` block of an `rnn-text` spec: one of four datasets, picked by `name`, each with
 * its own keys (an unknown key is refused). Left out, the objective trains on spamassassin.
 */
export const rnnTextDatasetSchema = z.discriminatedUnion('name', [spamassassinSchema, csvSchema, jsonlSchema, addingSchema]).optional().meta({
  title: 'rnn-text dataset',
  description: 'The data rnn-text trains on: name picks spamassassin (default), csv, jsonl or adding; each takes its own keys.',
});

/**
 * The fixed data settings of a sweep (its spec's `dataset` block, snake_case as written there).
 * The split is seeded by `split_seed`, not by the trial seed, so every trial of a sweep trains and
 * validates on the same examples and their metrics compare.
 */
export type DatasetSettings = NonNullable<z.output<typeof rnnTextDatasetSchema>>;

/** The settings of a dataset read from a file (csv or jsonl). */
export type TextFileSettings = Extract<DatasetSettings, { name: 'csv' | 'jsonl' }>;
