import { describe, expect, test } from 'vitest';
import { ConfigError } from '../errors.js';
import { OOV_ID, PAD_ID, Tokenizer } from './tokenizer.js';

describe('Tokenizer', () => {
  test('reserves 0 for padding and 1 for unknown tokens', () => {
    expect([PAD_ID, OOV_ID]).toEqual([0, 1]);
  });

  test('numbers tokens by descending frequency, ties by first appearance', () => {
    // Counts: a 3, b 2, then c, d and e once each in that order of appearance.
    const tokenizer = Tokenizer.fit(['c b a a', 'd a b e'], { level: 'word', maxVocab: 100 });
    expect(tokenizer.toJSON().tokens).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(tokenizer.encode('e d c b a')).toEqual([6, 5, 4, 3, 2]);
    expect(tokenizer.vocabSize).toBe(7);
  });

  test('maps unseen tokens to OOV_ID', () => {
    const tokenizer = Tokenizer.fit(['free money'], { level: 'word', maxVocab: 10 });
    expect(tokenizer.encode('free lunch money now')).toEqual([2, OOV_ID, 3, OOV_ID]);
    expect(tokenizer.encode('')).toEqual([]);
  });

  test('keeps at most maxVocab − 2 tokens, the most frequent', () => {
    const tokenizer = Tokenizer.fit(['x y y z z z'], { level: 'word', maxVocab: 4 });
    expect(tokenizer.vocabSize).toBe(4);
    expect(tokenizer.toJSON().tokens).toEqual(['z', 'y']);
    expect(tokenizer.encode('x y z')).toEqual([OOV_ID, 3, 2]);
  });

  test('splits words, keeps inner apostrophes, and makes each symbol a token', () => {
    const tokenizer = Tokenizer.fit([], { level: 'word', maxVocab: 2 });
    expect(tokenizer.tokenize("Don't miss: $100 FREE!!! 50% off… rock'n'roll 'quoted'")).toEqual([
      "don't",
      'miss',
      ':',
      '$',
      '100',
      'free',
      '!',
      '!',
      '!',
      '50',
      '%',
      'off',
      '…',
      "rock'n'roll",
      "'",
      'quoted',
      "'",
    ]);
    expect(tokenizer.tokenize('Café ÜBER naïve e-mail')).toEqual(['café', 'über', 'naïve', 'e', '-', 'mail']);
    expect(tokenizer.tokenize('日本語 テスト')).toEqual(['日本語', 'テスト']);
  });

  test('keeps case when lowercase is false', () => {
    const tokenizer = Tokenizer.fit(['Free free FREE free'], { level: 'word', lowercase: false, maxVocab: 10 });
    expect(tokenizer.toJSON().tokens).toEqual(['free', 'Free', 'FREE']);
    expect(tokenizer.encode('FREE Free')).toEqual([4, 3]);
    const lower = Tokenizer.fit(['Free free FREE free'], { level: 'word', maxVocab: 10 });
    expect(lower.toJSON().tokens).toEqual(['free']);
  });

  test('char level: one token per code point, whitespace collapsed to one space', () => {
    const tokenizer = Tokenizer.fit(['aab  \n\tb😀'], { level: 'char', maxVocab: 10 });
    expect(tokenizer.tokenize(' Ab \n\t c😀 ')).toEqual(['a', 'b', ' ', 'c', '😀']);
    // Counts: a 2, b 2, ' ' 1, 😀 1 — ties in first-appearance order.
    expect(tokenizer.toJSON().tokens).toEqual(['a', 'b', ' ', '😀']);
    expect(tokenizer.encode('ba z😀')).toEqual([3, 2, 4, OOV_ID, 5]);
  });

  test('round-trips through JSON with identical encodings', () => {
    const texts = ['Win $1,000,000 NOW!!!', "Meeting moved to 3pm, don't be late", 'café au lait'];
    for (const options of [
      { level: 'word', maxVocab: 12 },
      { level: 'char', lowercase: false, maxVocab: 20 },
    ] as const) {
      const tokenizer = Tokenizer.fit(texts, options);
      const restored = Tokenizer.fromJSON(JSON.parse(JSON.stringify(tokenizer)));
      expect(restored.toJSON()).toEqual(tokenizer.toJSON());
      expect(restored.vocabSize).toBe(tokenizer.vocabSize);
      for (const text of [...texts, 'Unseen WORDS and symbols ~ ^ €']) {
        expect(restored.encode(text)).toEqual(tokenizer.encode(text));
      }
    }
  });

  const valid = Tokenizer.fit(['a b'], { level: 'word', maxVocab: 5 }).toJSON();
  test.each([
    [null, 'tokenizer JSON must be an object, got null'],
    [[1], 'tokenizer JSON must be an object, got an array'],
    [{ ...valid, format: 'keras' }, 'tokenizer JSON must have format "loopsweep-tokenizer" and version 1, got format "keras"'],
    [{ ...valid, version: 2 }, 'and version 2'],
    [{ ...valid, level: 'byte' }, 'tokenizer level must be "word" or "char", got "byte"'],
    [{ ...valid, lowercase: 'yes' }, 'tokenizer lowercase must be true or false, got "yes"'],
    [{ ...valid, maxVocab: 1 }, 'tokenizer maxVocab must be an integer of at least 2'],
    [{ ...valid, tokens: ['a', 7] }, 'tokenizer JSON "tokens" must be an array of non-empty strings'],
    [{ ...valid, tokens: ['a', 'a'] }, 'tokenizer JSON "tokens" must not repeat a token'],
    [{ ...valid, tokens: ['a', 'b', 'c', 'd'] }, 'tokenizer JSON has 4 tokens, more than maxVocab 5 − 2 allows'],
  ])('fromJSON rejects %j with a ConfigError', (json, message) => {
    expect(() => Tokenizer.fromJSON(json)).toThrow(ConfigError);
    expect(() => Tokenizer.fromJSON(json)).toThrow(message);
  });

  test('fit rejects bad options with a ConfigError', () => {
    expect(() => Tokenizer.fit([], { level: 'word', maxVocab: 1 })).toThrow(ConfigError);
    expect(() => Tokenizer.fit([], { level: 'word', maxVocab: 2.5 })).toThrow('got 2.5');
    expect(() => Tokenizer.fit([], { level: 'sentence' as 'word', maxVocab: 10 })).toThrow('tokenizer level must be "word" or "char", got "sentence"');
  });
});
