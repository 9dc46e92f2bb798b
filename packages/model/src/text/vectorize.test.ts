import { describe, expect, test } from 'vitest';
import { ConfigError } from '../errors.js';
import { Tokenizer } from './tokenizer.js';
import { encodeTexts } from './vectorize.js';

// Each token once, so ids follow appearance: a 2, b 3, c 4, d 5, e 6.
const tokenizer = Tokenizer.fit(['a b c d e'], { level: 'word', maxVocab: 10 });
const texts = ['a b', 'a b c d e', '', 'a zz b'];

describe('encodeTexts', () => {
  test('pre-pads and keeps the start of long texts by default', () => {
    expect(Array.from(encodeTexts(tokenizer, texts, { maxLen: 4 }))).toEqual([0, 0, 2, 3, 2, 3, 4, 5, 0, 0, 0, 0, 0, 2, 1, 3]);
  });

  test('post-pads when asked', () => {
    expect(Array.from(encodeTexts(tokenizer, texts, { maxLen: 4, padding: 'post' }))).toEqual([2, 3, 0, 0, 2, 3, 4, 5, 0, 0, 0, 0, 2, 1, 3, 0]);
  });

  test('keeps the end of long texts with truncating "pre"', () => {
    expect(Array.from(encodeTexts(tokenizer, ['a b c d e'], { maxLen: 3, truncating: 'pre' }))).toEqual([4, 5, 6]);
    expect(Array.from(encodeTexts(tokenizer, ['a b c d e'], { maxLen: 3, truncating: 'post', padding: 'post' }))).toEqual([2, 3, 4]);
  });

  test('returns an Int32Array of texts × maxLen', () => {
    const out = encodeTexts(tokenizer, texts, { maxLen: 7 });
    expect(out).toBeInstanceOf(Int32Array);
    expect(out).toHaveLength(28);
    expect(encodeTexts(tokenizer, [], { maxLen: 7 })).toHaveLength(0);
  });

  test.each([
    [{ maxLen: 0 }, 'maxLen must be a positive integer number of tokens, got 0'],
    [{ maxLen: 2.5 }, 'got 2.5'],
    [{ maxLen: 4, padding: 'middle' as 'pre' }, 'padding must be "pre" or "post", got "middle"'],
    [{ maxLen: 4, truncating: 'both' as 'pre' }, 'truncating must be "pre" or "post", got "both"'],
  ])('rejects %o with a ConfigError', (options, message) => {
    expect(() => encodeTexts(tokenizer, texts, options)).toThrow(ConfigError);
    expect(() => encodeTexts(tokenizer, texts, options)).toThrow(message);
  });
});
