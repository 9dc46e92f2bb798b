import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { rnnTextDatasetSchema } from './dataset-schema.js';

interface Variant {
  readonly properties: Readonly<Record<string, { readonly description?: string; readonly const?: unknown }>>;
}

/** The paths and zod issue codes of what the schema refuses (core words them for users). */
function refusals(value: unknown): string[] {
  const parsed = rnnTextDatasetSchema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys' ? issue.keys.map((key) => `${key}: unknown`) : [`${issue.path.join('.')}: ${issue.code}`],
      );
}

describe('rnnTextDatasetSchema', () => {
  test.each([
    ['no block: spamassassin', undefined],
    [
      'spamassassin',
      { name: 'spamassassin', max_len: 200, vocab: 10000, tokenizer: 'char', padding: 'post', val_split: 0.2, test_split: 0.1, split_seed: 3, limit: 1200 },
    ],
    ['csv', { name: 'csv', path: './d.csv', text_column: 'body', label_column: 'y', delimiter: ';', limit: 10, max_len: 64 }],
    ['jsonl', { name: 'jsonl', path: 'd.jsonl', text_column: 'body', val_split: 0.1 }],
    ['adding', { name: 'adding', timesteps: 100, size: 4000, val_split: 0.2 }],
  ])('accepts %s', (_title, value) => {
    expect(refusals(value)).toEqual([]);
  });

  test.each([
    ['a csv key misspelled', { name: 'csv', path: 'd.csv', text: 'body' }, ['text: unknown']],
    ['a csv without its path', { name: 'csv' }, ['path: invalid_type']],
    ['delimiter on jsonl (a csv key)', { name: 'jsonl', path: 'd.jsonl', delimiter: ';' }, ['delimiter: unknown']],
    ['text keys on adding', { name: 'adding', max_len: 10, limit: 5 }, ['max_len: unknown', 'limit: unknown']],
    ['a file key on spamassassin', { name: 'spamassassin', path: 'x.csv' }, ['path: unknown']],
    ['an unknown dataset', { name: 'imdb' }, ['name: invalid_union']],
    [
      'wrong types and ranges',
      { name: 'spamassassin', max_len: 'long', vocab: 2, val_split: 1, tokenizer: 'byte', limit: 1.5 },
      ['max_len: invalid_type', 'vocab: too_small', 'tokenizer: invalid_value', 'limit: invalid_type', 'val_split: too_big'],
    ],
    ['timesteps below 2', { name: 'adding', timesteps: 1 }, ['timesteps: too_small']],
  ])('refuses %s', (_title, value, expected) => {
    expect(refusals(value)).toEqual(expected);
  });

  test('describes every key of every dataset, for editors', () => {
    const json = z.toJSONSchema(rnnTextDatasetSchema, { io: 'input' }) as { oneOf?: Variant[]; anyOf?: Variant[] };
    const variants = json.oneOf ?? json.anyOf ?? [];
    expect(variants.map((variant) => variant.properties['name']?.const)).toEqual(['spamassassin', 'csv', 'jsonl', 'adding']);
    for (const variant of variants) {
      for (const [key, property] of Object.entries(variant.properties))
        expect(property.description, `${String(variant.properties['name']?.const)}.${key}`).toMatch(/\w/);
    }
  });
});
