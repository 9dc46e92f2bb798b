import { describe, expect, it } from 'vitest';
import { CONCURRENT_JIT_ENV, compileOnTrialThreadsWhenSaturated, compilesOnTrialThreads, SATURATED_POOL_V8_FLAGS } from './compile-on-trial-threads.js';

describe('compilesOnTrialThreads', () => {
  it('compiles on the trial threads only when they fill every core', () => {
    expect(compilesOnTrialThreads(2, 2, {})).toBe(true);
    expect(compilesOnTrialThreads(3, 2, {})).toBe(true);
    expect(compilesOnTrialThreads(1, 2, {})).toBe(false);
    expect(compilesOnTrialThreads(4, 16, {})).toBe(false);
  });

  it(`keeps background compilation when ${CONCURRENT_JIT_ENV}=1`, () => {
    expect(compilesOnTrialThreads(2, 2, { [CONCURRENT_JIT_ENV]: '1' })).toBe(false);
    expect(compilesOnTrialThreads(2, 2, { [CONCURRENT_JIT_ENV]: '0' })).toBe(true);
  });
});

describe('compileOnTrialThreadsWhenSaturated', () => {
  it('sets no flag for a pool that leaves a core free, and every flag once for one that fills them', () => {
    const set: string[] = [];
    const record = (flag: string): void => void set.push(flag);
    expect(compileOnTrialThreadsWhenSaturated(1, 2, {}, record)).toBe(false);
    expect(compileOnTrialThreadsWhenSaturated(2, 2, { [CONCURRENT_JIT_ENV]: '1' }, record)).toBe(false);
    expect(set).toEqual([]);
    expect(compileOnTrialThreadsWhenSaturated(2, 2, {}, record)).toBe(true);
    expect(set).toEqual(['--no-concurrent-recompilation', '--no-turbo-inlining']);
    expect(set).toEqual([...SATURATED_POOL_V8_FLAGS]);
    // Process-wide and idempotent: a second pool sets nothing again.
    expect(compileOnTrialThreadsWhenSaturated(4, 2, {}, record)).toBe(true);
    expect(set).toHaveLength(2);
  });
});
