import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache.js';

describe('StatementCache', () => {
  it('prepares a statement once and drops the least recently used beyond its capacity', () => {
    const db = new Database(':memory:');
    const cache = new StatementCache(db, 2);
    const one = cache.get('SELECT 1 AS v');
    const two = cache.get('SELECT 2 AS v');
    expect(cache.get('SELECT 1 AS v')).toBe(one); // now "two" is the oldest
    cache.get('SELECT 3 AS v');
    expect(cache.get('SELECT 1 AS v')).toBe(one);
    const twoAgain = cache.get('SELECT 2 AS v');
    expect(twoAgain).not.toBe(two);
    expect(twoAgain.get()).toEqual({ v: 2 });
    db.close();
  });
});
