import { describe, expect, it } from 'vitest';
import { DerivedCache } from './derived-cache.js';

describe('DerivedCache', () => {
  it('computes once per key and data version, again after a commit', () => {
    const cache = new DerivedCache();
    let calls = 0;
    const compute = () => `answer ${++calls}`;
    expect(cache.get(1, 'a', compute)).toBe('answer 1');
    expect(cache.get(1, 'a', compute)).toBe('answer 1');
    expect(cache.get(2, 'a', compute)).toBe('answer 2');
    expect(calls).toBe(2);
  });

  it('drops the oldest answers past its entry limit', () => {
    const cache = new DerivedCache({ maxEntries: 2 });
    let calls = 0;
    for (const key of ['a', 'b', 'c']) cache.get(1, key, () => ++calls);
    expect(cache.entries).toBe(2);
    cache.get(1, 'a', () => ++calls);
    expect(calls).toBe(4);
  });

  it('keeps the total size of JSON text under its limit, and never keeps an answer bigger than it', () => {
    const cache = new DerivedCache({ maxSize: 100 });
    cache.get(1, 'a', () => 'x'.repeat(60));
    cache.get(1, 'b', () => 'y'.repeat(30));
    expect(cache.entries).toBe(2);
    cache.get(1, 'c', () => 'z'.repeat(50));
    // 'a' went: 30 + 50 fit, 60 + 30 + 50 do not.
    expect(cache.entries).toBe(2);
    let recomputed = false;
    cache.get(1, 'a', () => ((recomputed = true), 'x'.repeat(60)));
    expect(recomputed).toBe(true);
    const huge = 'h'.repeat(101);
    expect(cache.get(1, 'huge', () => huge)).toBe(huge);
    let again = false;
    cache.get(1, 'huge', () => ((again = true), huge));
    expect(again).toBe(true);
  });
});
