import { describe, expect, it } from 'vitest';
import { FailurePolicy } from './failure-policy.js';

const error = (reason = 'error: Error: boom') => ({ reason, diverged: false });

describe('FailurePolicy', () => {
  it('stops when the first fail_fast trials (default 3) all failed with the same error', () => {
    const policy = new FailurePolicy({});
    policy.record(4, error());
    policy.record(2, error());
    expect(policy.stop).toBeUndefined();
    policy.record(5, error());
    expect(policy.stop).toEqual({ trials: [4, 2, 5], message: 'the first 3 trials (#4, #2, #5) all failed the same way: error: Error: boom' });
  });

  it('goes on when the first failures differ, or one of the first trials succeeded', () => {
    const differ = new FailurePolicy({});
    differ.record(0, error('error: Error: a'));
    differ.record(1, error('error: Error: b'));
    differ.record(2, error('error: Error: a'));
    expect(differ.stop).toBeUndefined();
    const oneOk = new FailurePolicy({});
    oneOk.record(0, error());
    oneOk.record(1);
    oneOk.record(2, error());
    for (let n = 3; n < 10; n++) oneOk.record(n, error());
    expect(oneOk.stop).toBeUndefined();
  });

  it('never counts divergences as the same error: a diverged loss is data about the params', () => {
    const policy = new FailurePolicy({});
    for (let n = 0; n < 5; n++) policy.record(n, { reason: 'diverged: loss is NaN', diverged: true });
    expect(policy.stop).toBeUndefined();
  });

  it('stops when failures of any kind reach max_failures', () => {
    const policy = new FailurePolicy({ max_failures: 3 });
    policy.record(0);
    policy.record(1, { reason: 'diverged: loss is NaN', diverged: true });
    policy.record(2, error('error: Error: a'));
    expect(policy.stop).toBeUndefined();
    policy.record(3, error('error: Error: b'));
    expect(policy.stop).toEqual({ trials: [1, 2, 3], message: '3 trials failed, which reaches budget.max_failures (3); the last one: error: Error: b' });
  });

  it('is off with fail_fast: 0', () => {
    const policy = new FailurePolicy({ fail_fast: 0 });
    for (let n = 0; n < 10; n++) policy.record(n, error());
    expect(policy.stop).toBeUndefined();
  });
});
