import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpamAssassin, loadSpamAssassinCorpus } from './spamassassin.js';
import type { SpamAssassinCorpus } from './spamassassin.js';
import type { TextExamples } from './types.js';

const count = (labels: readonly number[], label: number): number => labels.filter((l) => l === label).length;
const size = (examples: TextExamples): number => examples.texts.length;

// One parse of the whole corpus for this file: every later call hits the memoized promise.
let corpus: SpamAssassinCorpus;
let parseMs = 0;
beforeAll(async () => {
  const start = performance.now();
  corpus = await loadSpamAssassinCorpus();
  parseMs = performance.now() - start;
});

describe('loadSpamAssassinCorpus', () => {
  test('parses all 6046 messages: ~4150 ham and ~1896 spam, few or none dropped', () => {
    console.info(`SpamAssassin corpus parsed in ${Math.round(parseMs)} ms; ${corpus.dropped} of ${corpus.total} dropped as empty`);
    expect(corpus.total).toBe(6046);
    expect(corpus.dropped).toBeLessThan(10);
    expect(corpus.texts).toHaveLength(corpus.total - corpus.dropped);
    expect(corpus.labels).toHaveLength(corpus.texts.length);
    expect(count(corpus.labels, 0) + count(corpus.labels, 1)).toBe(corpus.texts.length);
    expect(count(corpus.labels, 0)).toBeGreaterThan(4150 - 10);
    expect(count(corpus.labels, 0)).toBeLessThanOrEqual(4150);
    expect(count(corpus.labels, 1)).toBeGreaterThan(1896 - 10);
    expect(count(corpus.labels, 1)).toBeLessThanOrEqual(1896);
    expect(corpus.texts.every((text) => text.trim() !== '')).toBe(true);
  });

  test('keeps the file-list order: ham first, spam last, with the first message parsed', () => {
    expect(corpus.labels[0]).toBe(0);
    expect(corpus.labels.at(-1)).toBe(1);
    expect(corpus.texts[0]?.startsWith('Re: New Sequences Window\n\n')).toBe(true);
  });

  test('decodes legacy 8-bit charsets from the raw bytes, never leaving UTF-8-as-GBK mojibake', () => {
    expect(corpus.texts.some((text) => text.includes('《全球EMAIL地址销售网》'))).toBe(true);
    expect(corpus.texts.filter((text) => text.includes('锟斤拷'))).toHaveLength(0);
  });

  test('leaves the routing headers out of every text but a few quoted or forwarded ones', () => {
    const withHeaders = corpus.texts.filter((text) => /^Return-Path: </m.test(text));
    console.info(`${withHeaders.length} texts quote a Return-Path header in their body`);
    expect(withHeaders.length).toBeLessThan(30);
  });

  test('is memoized: a second call returns the same parsed corpus', async () => {
    expect(await loadSpamAssassinCorpus()).toBe(corpus);
  });
});

describe('loadSpamAssassin', () => {
  test('splits every kept message once, stratified, with both classes in each part', async () => {
    const dataset = await loadSpamAssassin({ seed: 1 });
    expect(dataset).toMatchObject({ kind: 'text', task: 'classification', name: 'spamassassin', classNames: ['ham', 'spam'] });
    expect(size(dataset.train) + size(dataset.validation) + size(dataset.test)).toBe(corpus.texts.length);
    const spam = count(corpus.labels, 1);
    const ham = count(corpus.labels, 0);
    expect(count(dataset.test.labels, 1)).toBe(Math.round(spam * 0.1));
    expect(count(dataset.validation.labels, 1)).toBe(Math.round(spam * 0.2));
    expect(count(dataset.test.labels, 0)).toBe(Math.round(ham * 0.1));
    expect(count(dataset.train.labels, 0)).toBe(ham - Math.round(ham * 0.1) - Math.round(ham * 0.2));
    // Texts and labels stay paired: every training text is the corpus text with that label.
    const labelOf = new Map(corpus.texts.map((text, i) => [text, corpus.labels[i]]));
    dataset.train.texts.slice(0, 200).forEach((text, i) => expect(dataset.train.labels[i]).toBe(labelOf.get(text)));
  });

  test('is deterministic for a seed and differs between seeds', async () => {
    const a = await loadSpamAssassin({ seed: 7, limit: 500 });
    const b = await loadSpamAssassin({ seed: 7, limit: 500 });
    const c = await loadSpamAssassin({ seed: 8, limit: 500 });
    expect(b.train.texts).toEqual(a.train.texts);
    expect(b.test.labels).toEqual(a.test.labels);
    expect(c.train.texts).not.toEqual(a.train.texts);
  });

  test('limit subsamples keeping the class shares before splitting', async () => {
    const dataset = await loadSpamAssassin({ limit: 600, valSplit: 0.25, testSplit: 0.25, seed: 2 });
    const labels = [...dataset.train.labels, ...dataset.validation.labels, ...dataset.test.labels];
    expect(labels).toHaveLength(600);
    const spamShare = count(corpus.labels, 1) / corpus.labels.length;
    // Largest-remainder rounding: the spam count is the share of 600 rounded down or up.
    expect(Math.abs(count(labels, 1) - spamShare * 600)).toBeLessThan(1);
    expect(size(dataset.test)).toBe(150);
    expect(new Set([...dataset.train.texts, ...dataset.test.texts]).size).toBeGreaterThan(440);
  });

  test('rejects invalid split options with a DatasetError', async () => {
    await expect(loadSpamAssassin({ valSplit: 0.9, testSplit: 0.2 })).rejects.toThrow(/valSplit \+ testSplit must be below 1/);
    await expect(loadSpamAssassin({ limit: 0 })).rejects.toMatchObject({ name: 'DatasetError', code: 'DATASET' });
  });
});
