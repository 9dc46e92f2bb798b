import { describe, expect, it } from 'vitest';
import { CONCURRENT_JIT_ENV, compilesOnTrialThreads } from './compile-on-trial-threads.js';

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
